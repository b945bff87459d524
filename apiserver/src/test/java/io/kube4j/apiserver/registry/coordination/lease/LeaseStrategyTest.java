package io.kube4j.apiserver.registry.coordination.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.kube4j.apiserver.api.FieldError;
import org.junit.jupiter.api.Test;

class LeaseStrategyTest {

  private final LeaseStrategy strategy = new LeaseStrategy();

  @Test
  void leaseDurationMustBePositiveAndPutMayCreate() {
    Lease lease = new LeaseBuilder().withNewMetadata().withName("node-1").withNamespace("kube-node-lease").endMetadata()
        .withNewSpec().withHolderIdentity("node-1").withLeaseDurationSeconds(0).endSpec().build();
    assertThat(strategy.validate(lease)).extracting(FieldError::message)
        .containsExactly("spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0");
    assertThat(strategy.allowCreateOnUpdate()).isTrue();
  }
}
