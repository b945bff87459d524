package io.kube4j.controllermanager.disruption;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetTest {

  static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  static Pod pod(String name, boolean ready) {
    return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewStatus().withPhase("Running")
        .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus().build();
  }

  static Pod terminating(String name) {
    return new PodBuilder(pod(name, true)).editMetadata().withDeletionTimestamp("2026-12-06T09:59:00Z").endMetadata().build();
  }

  static PodDisruptionBudgetSpec spec(IntOrString minAvailable, IntOrString maxUnavailable) {
    PodDisruptionBudgetSpec s = new PodDisruptionBudgetSpec();
    s.setMinAvailable(minAvailable);
    s.setMaxUnavailable(maxUnavailable);
    return s;
  }

  @Test
  void anIntegerMinAvailableCountsThePodsThemselvesAndNeedsNoController() {
    List<Pod> pods = List.of(pod("a", true), pod("b", true), pod("c", true));
    Budget.Expectation e = Budget.expect(spec(new IntOrString(2), null), pods, () -> {
      throw new AssertionError("scale must not be asked");
    });
    assertThat(e).isEqualTo(new Budget.Expectation(3, 2, List.of()));
  }

  @Test
  void maxUnavailableIsTakenOfTheControllersScaleRoundingUp() {
    // the class comment's example: 30% of 5 = 1.5 → 2 unavailable → 3 must stay healthy
    Budget.Expectation e = Budget.expect(spec(null, new IntOrString("30%")), List.of(),
        () -> new Budget.Scale(5, List.of()));
    assertThat(e.expectedCount()).isEqualTo(5);
    assertThat(e.desiredHealthy()).isEqualTo(3);
    assertThat(Budget.expect(spec(null, new IntOrString(7)), List.of(), () -> new Budget.Scale(5, List.of()))
        .desiredHealthy()).as("never below zero").isZero();
  }

  @Test
  void aMinAvailablePercentageRoundsUpTooAndNamesUnmanagedPods() {
    Budget.Expectation e = Budget.expect(spec(new IntOrString("50%"), null), List.of(pod("x", true)),
        () -> new Budget.Scale(3, List.of("x")));
    assertThat(e).isEqualTo(new Budget.Expectation(3, 2, List.of("x")));
  }

  @Test
  void healthyMeansReadyNotTerminatingAndNotJustEvicted() {
    List<Pod> pods = List.of(pod("a", true), pod("b", false), terminating("c"), pod("d", true), pod("e", true));
    Map<String, String> disrupted = Map.of("d", "2026-12-06T09:59:30Z", "e", "2026-12-06T09:57:00Z");
    // d was evicted 30 s ago: not counted; e 3 minutes ago: past the 2-minute DeletionTimeout, counted again
    assertThat(Budget.countHealthy(pods, disrupted, NOW)).isEqualTo(2);
  }

  @Test
  void theDisruptedMapKeepsEvictionsInFlightAndSaysWhenToLookAgain() {
    PodDisruptionBudget pdb = new PodDisruptionBudgetBuilder().withNewMetadata().withName("p").endMetadata()
        .withNewStatus().addToDisruptedPods(Map.of("fresh", "2026-12-06T09:59:30Z", "old", "2026-12-06T09:57:00Z",
            "gone", "2026-12-06T09:59:50Z", "going", "2026-12-06T09:59:50Z")).endStatus().build();
    List<Pod> pods = List.of(pod("fresh", true), pod("old", true), terminating("going"));
    Budget.Disrupted d = Budget.disrupted(pdb, pods, NOW);
    assertThat(d.pods()).containsOnlyKeys("fresh");
    assertThat(d.recheckAt()).isEqualTo(Optional.of(Instant.parse("2026-12-06T10:01:30Z")));
    assertThat(d.notDeleted()).containsExactly("old");
  }

  @Test
  void disruptionsAllowedIsNeverNegativeAndZeroWithoutExpectedPods() {
    assertThat(Budget.disruptionsAllowed(3, 2, 3)).isEqualTo(1);
    assertThat(Budget.disruptionsAllowed(1, 2, 3)).isZero();
    assertThat(Budget.disruptionsAllowed(2, 0, 0)).as("pods seen before their controller").isZero();
  }
}
