package io.kube4j.controllermanager.controller;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Instant;
import java.util.Optional;

/** A pod's readiness and availability as controllers judge them ({@code pkg/api/v1/pod/util.go}). */
public final class PodStatuses {

  private PodStatuses() {}

  /** {@code IsPodReady}: the Ready condition is True. */
  public static boolean isReady(Pod pod) {
    return readyCondition(pod).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /**
   * {@code IsPodAvailable}: Ready, and Ready for at least {@code minReadySeconds}. With
   * minReadySeconds 10, a pod Ready since 12:00:00 is available from just after 12:00:10.
   */
  public static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
    if (!isReady(pod)) {
      return false;
    }
    if (minReadySeconds == 0) {
      return true;
    }
    String since = readyCondition(pod).map(PodCondition::getLastTransitionTime).orElse(null);
    return since != null && !since.isEmpty() && Instant.parse(since).plusSeconds(minReadySeconds).isBefore(now);
  }

  /** {@code IsPodTerminal}: Succeeded or Failed. */
  public static boolean isTerminal(Pod pod) {
    String phase = phase(pod);
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  public static String phase(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "" : pod.getStatus().getPhase();
  }

  private static Optional<PodCondition> readyCondition(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
  }
}
