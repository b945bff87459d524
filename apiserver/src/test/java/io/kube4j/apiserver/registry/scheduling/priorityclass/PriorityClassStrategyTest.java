package io.kube4j.apiserver.registry.scheduling.priorityclass;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import io.kube4j.apiserver.api.FieldError;
import org.junit.jupiter.api.Test;

class PriorityClassStrategyTest {

  private final PriorityClassStrategy strategy = new PriorityClassStrategy();

  private PriorityClass pc(String name, int value) {
    PriorityClass pc = new PriorityClassBuilder().withNewMetadata().withName(name).withResourceVersion("1")
        .endMetadata().withValue(value).build();
    strategy.applyDefaults(pc);
    return pc;
  }

  @Test
  void userValuesAboveOneBillionAreReserved() {
    assertThat(strategy.validate(pc("high", 1_000_000_001))).extracting(FieldError::message)
        .containsExactly("value: Forbidden: maximum allowed value of a user defined priority is 1000000000");
  }

  @Test
  void systemPrefixIsReserved() {
    assertThat(strategy.validate(pc("system-mine", 5))).extracting(FieldError::message).containsExactly(
        "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. "
            + "error: system-mine is not a known system priority class");
    assertThat(strategy.validate(pc("system-node-critical", 2_000_001_000))).isEmpty();
  }

  @Test
  void valueMayNotChange() {
    assertThat(strategy.validateUpdate(pc("p", 2), pc("p", 1))).extracting(FieldError::message)
        .containsExactly("value: Forbidden: may not be changed in an update.");
  }
}
