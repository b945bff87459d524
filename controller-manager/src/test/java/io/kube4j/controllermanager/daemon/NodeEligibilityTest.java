package io.kube4j.controllermanager.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NodeEligibilityTest {

  record Case(String name, UnaryOperator<DaemonSetBuilder> ds, UnaryOperator<NodeBuilder> node, boolean shouldRun,
      boolean shouldContinueRunning) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    return List.of(
        new Case("a plain node runs the daemon", d -> d, n -> n, true, true),
        new Case("nodeSelector not matching keeps the daemon off", d -> d.editSpec().editTemplate().editSpec()
            .addToNodeSelector("disk", "ssd").endSpec().endTemplate().endSpec(), n -> n, false, false),
        new Case("nodeSelector matching", d -> d.editSpec().editTemplate().editSpec()
            .addToNodeSelector("disk", "ssd").endSpec().endTemplate().endSpec(),
            n -> n.editMetadata().addToLabels("disk", "ssd").endMetadata(), true, true),
        new Case("required node affinity NotIn this zone", d -> d.editSpec().editTemplate().editSpec().withNewAffinity()
            .withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm()
            .addNewMatchExpression().withKey("zone").withOperator("NotIn").withValues("a").endMatchExpression()
            .endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity()
            .endSpec().endTemplate().endSpec(), n -> n.editMetadata().addToLabels("zone", "a").endMetadata(), false, false),
        new Case("an untolerated NoSchedule taint: no new pod, an existing one stays", d -> d,
            n -> n.editSpec().addToTaints(new TaintBuilder().withKey("dedicated").withValue("x").withEffect("NoSchedule")
                .build()).endSpec(), false, true),
        new Case("an untolerated NoExecute taint: no pod at all", d -> d,
            n -> n.editSpec().addToTaints(new TaintBuilder().withKey("dedicated").withEffect("NoExecute").build())
                .endSpec(), false, false),
        new Case("a tolerated NoExecute taint", d -> d.editSpec().editTemplate().editSpec().addNewToleration()
            .withKey("dedicated").withOperator("Exists").endToleration().endSpec().endTemplate().endSpec(),
            n -> n.editSpec().addToTaints(new TaintBuilder().withKey("dedicated").withEffect("NoExecute").build())
                .endSpec(), true, true),
        new Case("PreferNoSchedule is ignored", d -> d,
            n -> n.editSpec().addToTaints(new TaintBuilder().withKey("k").withEffect("PreferNoSchedule").build())
                .endSpec(), true, true),
        new Case("not-ready NoExecute is tolerated automatically", d -> d,
            n -> n.editSpec().addToTaints(new TaintBuilder().withKey("node.kubernetes.io/not-ready")
                .withEffect("NoExecute").build()).endSpec(), true, true),
        new Case("a cordoned node still runs daemons", d -> d,
            n -> n.editSpec().withUnschedulable(true).addToTaints(new TaintBuilder()
                .withKey("node.kubernetes.io/unschedulable").withEffect("NoSchedule").build()).endSpec(), true, true),
        new Case("network-unavailable is not tolerated without hostNetwork", d -> d,
            n -> n.editSpec().addToTaints(new TaintBuilder().withKey("node.kubernetes.io/network-unavailable")
                .withEffect("NoSchedule").build()).endSpec(), false, true),
        new Case("network-unavailable is tolerated with hostNetwork",
            d -> d.editSpec().editTemplate().editSpec().withHostNetwork(true).endSpec().endTemplate().endSpec(),
            n -> n.editSpec().addToTaints(new TaintBuilder().withKey("node.kubernetes.io/network-unavailable")
                .withEffect("NoSchedule").build()).endSpec(), true, true),
        new Case("the template names another node", d -> d.editSpec().editTemplate().editSpec().withNodeName("other")
            .endSpec().endTemplate().endSpec(), n -> n, false, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void judgesWhetherANodeShouldRunTheDaemon(Case c) {
    DaemonSet ds = c.ds().apply(new DaemonSetBuilder(daemonSet())).build();
    Node node = c.node().apply(new NodeBuilder(node())).build();
    assertThat(NodeEligibility.nodeShouldRunDaemonPod(node, ds))
        .isEqualTo(new NodeEligibility.Verdict(c.shouldRun(), c.shouldContinueRunning()));
  }

  static DaemonSet daemonSet() {
    return new DaemonSetBuilder().withNewMetadata().withName("agent").withNamespace("default").endMetadata()
        .withNewSpec().withNewSelector().addToMatchLabels("app", "agent").endSelector().withNewTemplate()
        .withNewMetadata().addToLabels("app", "agent").endMetadata().withNewSpec().addNewContainer().withName("c")
        .withImage("busybox").endContainer().endSpec().endTemplate().endSpec().build();
  }

  static Node node() {
    return node("node-a");
  }

  static Node node(String name) {
    return new NodeBuilder().withNewMetadata().withName(name).addToLabels("kubernetes.io/hostname", name)
        .endMetadata().withNewSpec().endSpec().build();
  }
}
