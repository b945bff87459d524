package io.kube4j.controllermanager.nodelifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeLifecycleRulesTest {

  @Test
  void zoneStatesFollowUpstreamsThresholds() {
    assertThat(ZoneState.of(0, 5, 0.55)).isEqualTo(ZoneState.NORMAL);
    assertThat(ZoneState.of(2, 2, 0.55)).isEqualTo(ZoneState.FULL_DISRUPTION);
    // two of three is a majority, but not more than two nodes: still normal
    assertThat(ZoneState.of(2, 3, 0.55)).isEqualTo(ZoneState.NORMAL);
    assertThat(ZoneState.of(3, 5, 0.55)).isEqualTo(ZoneState.PARTIAL_DISRUPTION);
    assertThat(ZoneState.of(3, 8, 0.55)).isEqualTo(ZoneState.NORMAL);
  }

  @Test
  void evictionRatesSlowDownInDisruptedZonesAndStopWhenAllAreDown() {
    assertThat(ZoneState.NORMAL.evictionRate(8, false, 0.1, 0.01, 50)).isEqualTo(0.1);
    assertThat(ZoneState.PARTIAL_DISRUPTION.evictionRate(100, false, 0.1, 0.01, 50)).isEqualTo(0.01);
    assertThat(ZoneState.PARTIAL_DISRUPTION.evictionRate(10, false, 0.1, 0.01, 50)).isZero();
    assertThat(ZoneState.FULL_DISRUPTION.evictionRate(10, false, 0.1, 0.01, 50)).isEqualTo(0.1);
    assertThat(ZoneState.FULL_DISRUPTION.evictionRate(10, true, 0.1, 0.01, 50)).isZero();
  }

  @Test
  void conditionsMapToTaints() {
    Node unknown = node("Unknown", false);
    assertThat(NodeTaints.wantedNoSchedule(unknown)).containsExactly(NodeTaints.UNREACHABLE);
    assertThat(NodeTaints.wantedNoExecute(unknown)).hasValue(NodeTaints.UNREACHABLE);
    assertThat(NodeTaints.wantedNoExecute(node("False", false))).hasValue(NodeTaints.NOT_READY);
    assertThat(NodeTaints.wantedNoSchedule(node("True", true))).containsExactly(NodeTaints.UNSCHEDULABLE);
    assertThat(NodeTaints.wantedNoExecute(node("True", false))).isEmpty();
  }

  @Test
  void replacingManagedTaintsKeepsOthersAndSaysWhenNothingChanges() {
    Node node = node("Unknown", false);
    node.getSpec().setTaints(new java.util.ArrayList<>(java.util.List.of(
        new TaintBuilder().withKey("dedicated").withValue("gpu").withEffect("NoSchedule").build(),
        new TaintBuilder().withKey(NodeTaints.NOT_READY).withEffect("NoSchedule").build())));

    var replaced = NodeTaints.replaced(node, "NoSchedule", NodeTaints.MANAGED_NO_SCHEDULE,
        Set.of(NodeTaints.UNREACHABLE), "2026-12-06T00:00:00Z").orElseThrow();

    assertThat(replaced).extracting("key").containsExactly("dedicated", NodeTaints.UNREACHABLE);
    node.getSpec().setTaints(replaced);
    assertThat(NodeTaints.replaced(node, "NoSchedule", NodeTaints.MANAGED_NO_SCHEDULE,
        Set.of(NodeTaints.UNREACHABLE), "later")).isEmpty();
  }

  private static Node node(String ready, boolean unschedulable) {
    return new NodeBuilder().withNewMetadata().withName("n").endMetadata().withNewSpec()
        .withUnschedulable(unschedulable).endSpec().withNewStatus().addNewCondition().withType("Ready")
        .withStatus(ready).endCondition().endStatus().build();
  }
}
