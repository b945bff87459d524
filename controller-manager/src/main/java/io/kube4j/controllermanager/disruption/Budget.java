package io.kube4j.controllermanager.disruption;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import io.kube4j.componentbase.intstr.IntOrPercent;
import io.kube4j.controllermanager.controller.PodStatuses;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arithmetic of a PodDisruptionBudget, free of any API call: how many pods are expected, how
 * many must stay healthy, how many are healthy now, and so how many may be disrupted.
 *
 * <p>Worked example: a Deployment of 5 replicas, {@code maxUnavailable: 30%}. Expected pods = 5 (the
 * Deployment's scale, not the pods that happen to exist); 30% of 5 = 1.5, rounded up to 2; desired
 * healthy = 5 − 2 = 3. With 4 Ready pods, one of them just evicted (listed in {@code disruptedPods}),
 * current healthy = 3, so disruptions allowed = 3 − 3 = 0: the next eviction waits.
 */
final class Budget {

  /**
   * {@code DeletionTimeout}: how long an evicted pod listed in {@code disruptedPods} is assumed to
   * be on its way out; after that it counts again (the delete may never have happened).
   */
  static final Duration DELETION_TIMEOUT = Duration.ofMinutes(2);

  /** Expected pods and desired healthy, plus the pods without a controller (an event says so). */
  record Expectation(int expectedCount, int desiredHealthy, List<String> unmanagedPods) {}

  /** What the controllers of the selected pods ask for, in total ({@code getExpectedScale}). */
  record Scale(int expectedCount, List<String> unmanagedPods) {}

  private Budget() {}

  /**
   * {@code getExpectedPodCount}: an integer {@code minAvailable} needs only the pods themselves; a
   * percentage or {@code maxUnavailable} is taken of the controllers' scale.
   *
   * @param scale computes the controllers' total scale; may throw when a controller is unknown
   */
  static Expectation expect(PodDisruptionBudgetSpec spec, List<Pod> pods, java.util.function.Supplier<Scale> scale) {
    if (spec.getMaxUnavailable() != null) {
      Scale s = scale.get();
      int maxUnavailable = IntOrPercent.scaled(spec.getMaxUnavailable(), s.expectedCount(), true);
      return new Expectation(s.expectedCount(), Math.max(0, s.expectedCount() - maxUnavailable), s.unmanagedPods());
    }
    if (spec.getMinAvailable() != null) {
      if (!IntOrPercent.isPercent(spec.getMinAvailable())) {
        return new Expectation(pods.size(), IntOrPercent.scaled(spec.getMinAvailable(), 0, true), List.of());
      }
      Scale s = scale.get();
      return new Expectation(s.expectedCount(), IntOrPercent.scaled(spec.getMinAvailable(), s.expectedCount(), true),
          s.unmanagedPods());
    }
    return new Expectation(0, 0, List.of());
  }

  /**
   * {@code buildDisruptedPodMap}: keeps the evictions still in flight (pod present, not yet
   * terminating, evicted less than {@link #DELETION_TIMEOUT} ago) and says when to look again.
   */
  record Disrupted(Map<String, String> pods, Optional<Instant> recheckAt, List<String> notDeleted) {}

  static Disrupted disrupted(PodDisruptionBudget pdb, List<Pod> pods, Instant now) {
    Map<String, String> previous = pdb.getStatus() == null || pdb.getStatus().getDisruptedPods() == null
        ? Map.of() : pdb.getStatus().getDisruptedPods();
    Map<String, String> kept = new HashMap<>();
    Instant recheck = null;
    List<String> notDeleted = new java.util.ArrayList<>();
    for (Pod pod : pods) {
      String at = previous.get(pod.getMetadata().getName());
      if (pod.getMetadata().getDeletionTimestamp() != null || at == null) {
        continue;
      }
      Instant expectedDeletion = Instant.parse(at).plus(DELETION_TIMEOUT);
      if (expectedDeletion.isBefore(now)) {
        notDeleted.add(pod.getMetadata().getName());
      } else {
        kept.put(pod.getMetadata().getName(), at);
        recheck = recheck == null || expectedDeletion.isBefore(recheck) ? expectedDeletion : recheck;
      }
    }
    return new Disrupted(kept, Optional.ofNullable(recheck), notDeleted);
  }

  /** {@code countHealthyPods}: Ready, not terminating, not just evicted. */
  static int countHealthy(List<Pod> pods, Map<String, String> disrupted, Instant now) {
    int healthy = 0;
    for (Pod pod : pods) {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      String at = disrupted.get(pod.getMetadata().getName());
      if (at != null && Instant.parse(at).plus(DELETION_TIMEOUT).isAfter(now)) {
        continue;
      }
      if (PodStatuses.isReady(pod)) {
        healthy++;
      }
    }
    return healthy;
  }

  /**
   * Healthy minus desired, never negative, and 0 while no pod is expected at all: a budget whose
   * first pods appear before this controller has seen them must not allow anything yet.
   */
  static int disruptionsAllowed(int currentHealthy, int desiredHealthy, int expectedCount) {
    int allowed = currentHealthy - desiredHealthy;
    return expectedCount <= 0 || allowed <= 0 ? 0 : allowed;
  }
}
