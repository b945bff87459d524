package io.kube4j.controllermanager.controller;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a pod is active, ready and available, as workload controllers count them ({@code podutil}
 * and {@code controller.IsPodActive} upstream). Ready is the pod's {@code Ready} condition; available
 * is ready for at least {@code minReadySeconds}.
 */
public final class PodReadiness {

  private PodReadiness() {}

  /** {@code IsPodActive}: not Succeeded, not Failed, not being deleted. */
  public static boolean isActive(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return !"Succeeded".equals(phase) && !"Failed".equals(phase) && pod.getMetadata().getDeletionTimestamp() == null;
  }

  /** {@code GetPodReadyCondition}. */
  public static Optional<PodCondition> readyCondition(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
  }

  /** {@code IsPodReady}. */
  public static boolean isReady(Pod pod) {
    return readyCondition(pod).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /** When the pod last became Ready; empty when it is not Ready or the time is unknown. */
  public static Optional<Instant> readySince(Pod pod) {
    return readyCondition(pod).filter(c -> "True".equals(c.getStatus()))
        .map(PodCondition::getLastTransitionTime).filter(t -> t != null && !t.isEmpty()).map(Instant::parse);
  }

  /**
   * {@code IsPodAvailable}: ready, and, with {@code minReadySeconds} above zero, ready since strictly
   * more than that long before {@code now}.
   */
  public static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
    if (!isReady(pod)) {
      return false;
    }
    if (minReadySeconds == 0) {
      return true;
    }
    return readySince(pod).map(t -> t.plusSeconds(minReadySeconds).isBefore(now)).orElse(false);
  }

  /**
   * How long until a ready pod becomes available; empty when it is not ready or already available.
   * Worked example: ready at 10:00:00, minReadySeconds 30, now 10:00:12 → 18 s.
   */
  public static Optional<Duration> untilAvailable(Pod pod, int minReadySeconds, Instant now) {
    if (minReadySeconds == 0 || !isReady(pod) || isAvailable(pod, minReadySeconds, now)) {
      return Optional.empty();
    }
    return readySince(pod).map(t -> Duration.between(now, t.plusSeconds(minReadySeconds)));
  }
}
