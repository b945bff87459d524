package io.kube4j.apiserver.registry.policy.poddisruptionbudget;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.kube4j.apiserver.api.FieldError;
import org.junit.jupiter.api.Test;

class PodDisruptionBudgetStrategyTest {

  private final PodDisruptionBudgetStrategy strategy = new PodDisruptionBudgetStrategy();

  @Test
  void minAvailableAbove100PercentIsInvalid() {
    PodDisruptionBudget pdb = new PodDisruptionBudgetBuilder().withNewMetadata().withName("web").withNamespace("default")
        .endMetadata().withNewSpec().withMinAvailable(new IntOrString("150%")).endSpec().build();
    assertThat(strategy.validate(pdb)).extracting(FieldError::message).containsExactly(
        "spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"150%\"}: must not be greater "
            + "than 100%");
  }
}
