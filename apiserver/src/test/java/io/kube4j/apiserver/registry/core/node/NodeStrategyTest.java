package io.kube4j.apiserver.registry.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kube4j.apiserver.api.FieldError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeStrategyTest {

  private final NodeStrategy strategy = new NodeStrategy();

  private static Node node() {
    return new NodeBuilder().withNewMetadata().withName("node-1").withResourceVersion("1").endMetadata()
        .withNewSpec().withPodCIDR("10.244.1.0/24").endSpec()
        .withNewStatus().withCapacity(Map.of("cpu", new Quantity("4"), "pods", new Quantity("110"))).endStatus().build();
  }

  @Test
  void defaultsAllocatableAndPodCidrList() {
    Node n = node();
    strategy.applyDefaults(n);
    assertThat(n.getSpec().getPodCIDRs()).containsExactly("10.244.1.0/24");
    assertThat(n.getStatus().getAllocatable()).containsKeys("cpu", "pods");
    assertThat(strategy.validate(n)).isEmpty();
  }

  @Test
  void aNodeWithoutSpecGetsAnEmptyOneAsGoWritesIt() {
    Node n = new NodeBuilder().withNewMetadata().withName("bare").endMetadata().build();
    strategy.applyDefaults(n);
    assertThat(new String(new io.kube4j.apiserver.runtime.Codec().encode(n), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"spec\":{}");
  }

  @Test
  void duplicateTaintsAreRejected() {
    Node n = new NodeBuilder(node()).editSpec().addNewTaint().withKey("k").withEffect("NoSchedule").endTaint()
        .addNewTaint().withKey("k").withValue("v").withEffect("NoSchedule").endTaint().endSpec().build();
    assertThat(strategy.validate(n)).extracting(FieldError::message).containsExactly(
        "metadata.taints[1]: Duplicate value: core.Taint{Key:\"k\", Value:\"v\", Effect:\"NoSchedule\", "
            + "TimeAdded:<nil>}: taints must be unique by key and effect pair");
  }

  @Test
  void podCidrMayNotChangeOnceSet() {
    Node old = node();
    strategy.applyDefaults(old);
    Node update = new NodeBuilder(old).editSpec().withPodCIDR("10.244.2.0/24").withPodCIDRs("10.244.2.0/24").endSpec().build();
    assertThat(strategy.validateUpdate(update, old)).extracting(FieldError::message)
        .containsExactly("spec.podCIDRs: Forbidden: node updates may not change podCIDR except from \"\" to valid");
  }

  @Test
  void selectableByUnschedulable() {
    Node n = node();
    n.getSpec().setUnschedulable(true);
    assertThat(strategy.selectableFields(n)).isEqualTo(Map.of("spec.unschedulable", "true"));
  }
}
