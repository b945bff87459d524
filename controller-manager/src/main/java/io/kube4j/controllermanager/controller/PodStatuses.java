package io.kube4j.controllermanager.controller;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A pod's phase, readiness and availability as workload controllers count them
 * ({@code pkg/api/v1/pod/util.go} and {@code controller.IsPodActive} upstream). Ready is the pod's
 * {@code Ready} condition; available is ready for at least {@code minReadySeconds}.
 */
public final class PodStatuses {

  private PodStatuses() {}

  /** The phase, {@code ""} before the kubelet has written one. */
  public static String phase(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "" : pod.getStatus().getPhase();
  }

  /** {@code IsPodTerminal}: Succeeded or Failed. */
  public static boolean isTerminal(Pod pod) {
    String phase = phase(pod);
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  /** {@code IsPodActive}: not Succeeded, not Failed, not being deleted. */
  public static boolean isActive(Pod pod) {
    return !isTerminal(pod) && pod.getMetadata().getDeletionTimestamp() == null;
  }

  /** {@code GetPodReadyCondition}. */
  public static Optional<PodCondition> readyCondition(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
  }

  /** {@code IsPodReady}: the Ready condition is True. */
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
   * more than that long before {@code now}. With minReadySeconds 10, a pod Ready since 12:00:00 is
   * available from just after 12:00:10.
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
