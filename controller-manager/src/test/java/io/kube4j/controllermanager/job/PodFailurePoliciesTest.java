package io.kube4j.controllermanager.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicy;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRuleBuilder;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code matchPodFailurePolicy} ({@code pod_failure_policy_test.go}). */
class PodFailurePoliciesTest {

  record Case(String name, List<PodFailurePolicyRule> rules, Pod pod, Optional<String> action, boolean counts,
      Optional<String> message) {
    @Override public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    PodFailurePolicyRule failJobOn42 = exitCodes("FailJob", "In", null, 42);
    PodFailurePolicyRule ignoreDisruption = new PodFailurePolicyRuleBuilder().withAction("Ignore")
        .addNewOnPodCondition().withType("DisruptionTarget").withStatus("True").endOnPodCondition().build();
    return Stream.of(
        new Case("no policy rule matching counts the failure", List.of(failJobOn42), exited("main", 1),
            Optional.empty(), true, Optional.empty()),
        new Case("FailJob on exit code 42", List.of(failJobOn42), exited("main", 42), Optional.of("FailJob"), true,
            Optional.of("Container main for pod default/p failed with exit code 42 matching FailJob rule at index 0")),
        new Case("NotIn matches other codes", List.of(exitCodes("Count", "NotIn", null, 1, 2)), exited("main", 3),
            Optional.of("Count"), true, Optional.empty()),
        new Case("NotIn does not match listed codes", List.of(exitCodes("FailJob", "NotIn", null, 1, 2)),
            exited("main", 2), Optional.empty(), true, Optional.empty()),
        new Case("exit code 0 never matches", List.of(exitCodes("FailJob", "NotIn", null, 1)), exited("main", 0),
            Optional.empty(), true, Optional.empty()),
        new Case("containerName restricts the rule", List.of(exitCodes("FailJob", "In", "sidecar", 42)),
            exited("main", 42), Optional.empty(), true, Optional.empty()),
        new Case("Ignore a disruption is not counted", List.of(ignoreDisruption, failJobOn42), disrupted(),
            Optional.of("Ignore"), false, Optional.empty()),
        new Case("first matching rule wins", List.of(exitCodes("Ignore", "In", null, 42), failJobOn42),
            exited("main", 42), Optional.of("Ignore"), false, Optional.empty()),
        new Case("FailIndex", List.of(exitCodes("FailIndex", "In", null, 42)), exited("main", 42),
            Optional.of("FailIndex"), true, Optional.empty()),
        new Case("FailJob on a pod condition", List.of(new PodFailurePolicyRuleBuilder().withAction("FailJob")
            .addNewOnPodCondition().withType("DisruptionTarget").withStatus("True").endOnPodCondition().build()),
            disrupted(), Optional.of("FailJob"), true,
            Optional.of("Pod default/p has condition DisruptionTarget matching FailJob rule at index 0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theFirstMatchingRuleDecides(Case c) {
    PodFailurePolicy policy = new PodFailurePolicyBuilder().withRules(c.rules()).build();
    PodFailurePolicies.Match m = PodFailurePolicies.match(policy, c.pod());
    assertThat(m.action()).isEqualTo(c.action());
    assertThat(m.countFailed()).isEqualTo(c.counts());
    assertThat(m.failJobMessage()).isEqualTo(c.message());
  }

  private static PodFailurePolicyRule exitCodes(String action, String operator, String container, Integer... codes) {
    return new PodFailurePolicyRuleBuilder().withAction(action).withNewOnExitCodes().withContainerName(container)
        .withOperator(operator).withValues(codes).endOnExitCodes().build();
  }

  private static Pod exited(String container, int code) {
    return new PodBuilder().withNewMetadata().withName("p").withNamespace("default").endMetadata().withNewStatus()
        .withPhase("Failed").addNewContainerStatus().withName(container).withNewState().withNewTerminated()
        .withExitCode(code).endTerminated().endState().endContainerStatus().endStatus().build();
  }

  private static Pod disrupted() {
    return new PodBuilder(exited("main", 137)).editStatus().addNewCondition().withType("DisruptionTarget")
        .withStatus("True").withReason("EvictionByEvictionAPI").endCondition().endStatus().build();
  }
}
