package io.kube4j.apiserver.registry.core.replicationcontroller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicationControllerStrategyTest {

  private final ReplicationControllerStrategy strategy = new ReplicationControllerStrategy();

  @Test
  void selectorAndLabelsDefaultToTheTemplateLabels() {
    ReplicationController rc = new ReplicationControllerBuilder().withNewMetadata().withName("web")
        .withNamespace("default").endMetadata().withNewSpec().withNewTemplate().withNewMetadata()
        .withLabels(Map.of("app", "web")).endMetadata().withNewSpec().addNewContainer().withName("web")
        .withImage("nginx:1").endContainer().endSpec().endTemplate().endSpec().build();
    strategy.applyDefaults(rc);
    strategy.prepareForCreate(rc);
    assertThat(rc.getSpec().getSelector()).isEqualTo(Map.of("app", "web"));
    assertThat(rc.getMetadata().getLabels()).isEqualTo(Map.of("app", "web"));
    assertThat(rc.getSpec().getReplicas()).isEqualTo(1);
    assertThat(strategy.validate(rc)).isEmpty();
  }
}
