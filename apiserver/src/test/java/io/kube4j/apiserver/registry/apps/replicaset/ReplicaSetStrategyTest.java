package io.kube4j.apiserver.registry.apps.replicaset;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.kube4j.apiserver.api.FieldError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaSetStrategyTest {

  private final ReplicaSetStrategy strategy = new ReplicaSetStrategy();

  private ReplicaSet rs(boolean withSelector) {
    var b = new ReplicaSetBuilder().withNewMetadata().withName("web-1").withNamespace("default").endMetadata()
        .withNewSpec();
    if (withSelector) {
      b = b.withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector();
    }
    ReplicaSet rs = b.withNewTemplate().withNewMetadata().withLabels(Map.of("app", "web")).endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("nginx:1").endContainer().endSpec().endTemplate()
        .endSpec().build();
    strategy.applyDefaults(rs);
    strategy.prepareForCreate(rs);
    return rs;
  }

  @Test
  void defaultsToOneReplicaAndValidates() {
    ReplicaSet rs = rs(true);
    assertThat(rs.getSpec().getReplicas()).isEqualTo(1);
    assertThat(strategy.validate(rs)).isEmpty();
  }

  @Test
  void missingSelectorIsRequiredAndMatchesNothing() {
    assertThat(strategy.validate(rs(false))).extracting(FieldError::message).containsExactly(
        "spec.selector: Required value",
        "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not "
            + "match template `labels`");
  }

  @Test
  void selectableByStatusReplicas() {
    ReplicaSet rs = rs(true);
    assertThat(strategy.selectableFields(rs)).isEqualTo(Map.of("status.replicas", "0"));
  }
}
