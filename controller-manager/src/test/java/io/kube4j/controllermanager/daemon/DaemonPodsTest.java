package io.kube4j.controllermanager.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonPodsTest {

  @Test
  void addsTheSixDaemonTolerationsAndNetworkUnavailableOnlyWithHostNetwork() {
    PodSpec spec = new PodSpecBuilder().build();
    DaemonPods.addOrUpdateDaemonPodTolerations(spec);
    assertThat(spec.getTolerations()).extracting(t -> t.getKey() + " " + t.getOperator() + " " + t.getEffect())
        .containsExactly("node.kubernetes.io/not-ready Exists NoExecute", "node.kubernetes.io/unreachable Exists NoExecute",
            "node.kubernetes.io/disk-pressure Exists NoSchedule", "node.kubernetes.io/memory-pressure Exists NoSchedule",
            "node.kubernetes.io/pid-pressure Exists NoSchedule", "node.kubernetes.io/unschedulable Exists NoSchedule");
    PodSpec host = new PodSpecBuilder().withHostNetwork(true).build();
    DaemonPods.addOrUpdateDaemonPodTolerations(host);
    assertThat(host.getTolerations()).extracting(Toleration::getKey).contains("node.kubernetes.io/network-unavailable");
  }

  @Test
  void replacesAUserTolerationOfNotReadyThatWouldExpire() {
    PodSpec spec = new PodSpecBuilder().addNewToleration().withKey("node.kubernetes.io/not-ready").withOperator("Exists")
        .withEffect("NoExecute").withTolerationSeconds(300L).endToleration().build();
    DaemonPods.addOrUpdateDaemonPodTolerations(spec);
    assertThat(spec.getTolerations()).filteredOn(t -> t.getKey().equals("node.kubernetes.io/not-ready"))
        .singleElement().satisfies(t -> assertThat(t.getTolerationSeconds()).isNull());
    assertThat(spec.getTolerations()).hasSize(6);
  }

  @Test
  void nodeNameAffinityReplacesEveryRequiredTermAndKeepsTheRest() {
    Affinity affinity = new AffinityBuilder().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm().addNewMatchExpression().withKey("zone").withOperator("In").withValues("a")
        .endMatchExpression().endNodeSelectorTerm().addNewNodeSelectorTerm().addNewMatchField().withKey("metadata.name")
        .withOperator("In").withValues("old").endMatchField().endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution().addNewPreferredDuringSchedulingIgnoredDuringExecution()
        .withWeight(1).withNewPreference().addNewMatchExpression().withKey("k").withOperator("Exists").endMatchExpression()
        .endPreference().endPreferredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().build();
    Affinity replaced = DaemonPods.replaceNodeNameNodeAffinity(affinity, "node-b");
    var terms = replaced.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms();
    assertThat(terms).singleElement().satisfies(t -> {
      assertThat(t.getMatchExpressions()).isEmpty();
      assertThat(t.getMatchFields()).singleElement().satisfies(f -> assertThat(f.getValues()).containsExactly("node-b"));
    });
    assertThat(replaced.getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution()).hasSize(1);
    assertThat(DaemonPods.replaceNodeNameNodeAffinity(null, "node-c").getNodeAffinity()
        .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms()).hasSize(1);
  }

  @Test
  void aPodIsForTheNodeItIsBoundToOrItsAffinityNames() {
    Pod pending = new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
        .withAffinity(DaemonPods.replaceNodeNameNodeAffinity(null, "node-b")).endSpec().build();
    assertThat(DaemonPods.targetNodeName(pending)).contains("node-b");
    pending.getSpec().setNodeName("node-c");
    assertThat(DaemonPods.targetNodeName(pending)).contains("node-c");
    assertThat(DaemonPods.targetNodeName(new PodBuilder().withNewSpec().endSpec().build())).isEmpty();
  }

  @Test
  void aPodIsUpdatedByHashOrByTemplateGeneration() {
    Pod pod = new PodBuilder().withNewMetadata().withLabels(Map.of("controller-revision-hash", "abc",
        "pod-template-generation", "2")).endMetadata().build();
    assertThat(DaemonPods.isPodUpdated(pod, "abc", Optional.empty())).isTrue();
    assertThat(DaemonPods.isPodUpdated(pod, "xyz", Optional.of(2L))).isTrue();
    assertThat(DaemonPods.isPodUpdated(pod, "xyz", Optional.of(3L))).isFalse();
  }

  @Test
  void withoutSurgeDeletesOnlyAsManyOldPodsAsMaxUnavailableAllows() {
    DaemonSet ds = rolling(new IntOrString(1), new IntOrString(0));
    var nodes = List.of(NodeEligibilityTest.node("n1"), NodeEligibilityTest.node("n2"), NodeEligibilityTest.node("n3"));
    var plan = RollingUpdate.plan(ds, nodes, Map.of("n1", List.of(pod("a", "old", true)), "n2",
        List.of(pod("b", "old", true)), "n3", List.of(pod("c", "old", true))), "new", Instant.now());
    assertThat(plan.podsToDelete()).containsExactly("a");
    assertThat(plan.nodesToCreate()).isEmpty();
    // an old pod that is not available is replaced at once and uses up the budget
    plan = RollingUpdate.plan(ds, nodes, Map.of("n1", List.of(pod("a", "old", true)), "n2",
        List.of(pod("b", "old", false)), "n3", List.of(pod("c", "old", true))), "new", Instant.now());
    assertThat(plan.podsToDelete()).containsExactly("b");
    // a new pod not yet available counts against maxUnavailable: nothing more goes
    plan = RollingUpdate.plan(ds, nodes, Map.of("n1", List.of(pod("a", "new", false)), "n2",
        List.of(pod("b", "old", true)), "n3", List.of(pod("c", "old", true))), "new", Instant.now());
    assertThat(plan.podsToDelete()).isEmpty();
  }

  @Test
  void withSurgeStartsNewPodsBesideOldOnesAndRemovesTheOldOnceAvailable() {
    DaemonSet ds = rolling(new IntOrString(0), new IntOrString("50%"));
    var nodes = List.of(NodeEligibilityTest.node("n1"), NodeEligibilityTest.node("n2"), NodeEligibilityTest.node("n3"));
    var plan = RollingUpdate.plan(ds, nodes, Map.of("n1", List.of(pod("a", "old", true)), "n2",
        List.of(pod("b", "old", true)), "n3", List.of(pod("c", "old", true))), "new", Instant.now());
    assertThat(plan.nodesToCreate()).containsExactly("n1", "n2");  // 50% of 3 rounded up
    assertThat(plan.podsToDelete()).isEmpty();
    plan = RollingUpdate.plan(ds, nodes, Map.of("n1", List.of(pod("a", "old", true), pod("a2", "new", true)), "n2",
        List.of(pod("b", "old", true), pod("b2", "new", false)), "n3", List.of(pod("c", "old", true))), "new",
        Instant.now());
    assertThat(plan.podsToDelete()).containsExactly("a");
    assertThat(plan.nodesToCreate()).containsExactly("n3");  // b2, still surging, takes one of the two slots
  }

  static DaemonSet rolling(IntOrString maxUnavailable, IntOrString maxSurge) {
    return new DaemonSetBuilder(NodeEligibilityTest.daemonSet()).editSpec().withNewUpdateStrategy()
        .withType("RollingUpdate").withNewRollingUpdate().withMaxUnavailable(maxUnavailable).withMaxSurge(maxSurge)
        .endRollingUpdate().endUpdateStrategy().endSpec().build();
  }

  static Pod pod(String name, String hash, boolean ready) {
    return new PodBuilder().withNewMetadata().withName(name).addToLabels("controller-revision-hash", hash)
        .endMetadata().withNewSpec().endSpec().withNewStatus().withPhase("Running").addNewCondition().withType("Ready")
        .withStatus(ready ? "True" : "False").endCondition().endStatus().build();
  }
}
