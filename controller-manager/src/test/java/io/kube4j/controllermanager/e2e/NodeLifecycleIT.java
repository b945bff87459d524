package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.controllermanager.ControllerManagerOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Node lifecycle with simulated kubelets (the test renews each node's Lease, as a kubelet does):
 * a node whose heartbeats stop turns Unknown and is tainted within the grace period, its pods are
 * marked not ready and evicted as their tolerations say; when heartbeats resume the taints go. With
 * several nodes down, NoExecute taints come at the zone's eviction rate.
 */
class NodeLifecycleIT {

  static final Duration GRACE = Duration.ofSeconds(2);
  /** One node per second may be tainted for eviction. */
  static final double EVICTION_RATE = 1.0;

  static ControllerManagerEnvironment env;
  static KubernetesClient admin;
  static Kubectl kubectl;
  /** Nodes whose simulated kubelet is alive. */
  static final Set<String> beating = ConcurrentHashMap.newKeySet();
  static final ScheduledExecutorService kubelets = Executors.newSingleThreadScheduledExecutor();

  @BeforeAll
  static void start() {
    Kubectl.assumeAvailable();
    env = ControllerManagerEnvironment.start("node-lifecycle-it", TestCluster::startWithFullAdmission, o -> o
        .withNodeLifecycle(new ControllerManagerOptions.NodeLifecycle(Duration.ofMillis(200), GRACE, GRACE,
            EVICTION_RATE, 0.01, 0.55, 50))
        .withNodeIpam(new ControllerManagerOptions.NodeIpam(true, "10.244.0.0/16", 24)));
    admin = env.admin;
    kubectl = env.kubectl();
    Conditions.await("default service account", Duration.ofSeconds(20),
        () -> admin.serviceAccounts().inNamespace("default").withName("default").get() != null);
    kubelets.scheduleWithFixedDelay(NodeLifecycleIT::heartbeat, 0, 300, TimeUnit.MILLISECONDS);
  }

  @AfterAll
  static void stop() {
    kubelets.shutdownNow();
    if (env != null) {
      env.close();
    }
  }

  @Test
  void aSilentNodeIsTaintedItsPodsEvictedAsTheyTolerateAndItRecovers() {
    register("n1", "zone-a");
    register("n2", "zone-a");
    Conditions.await("n1 gets a pod CIDR", Duration.ofSeconds(10),
        () -> node("n1").getSpec() != null && node("n1").getSpec().getPodCIDR() != null);
    assertThat(node("n1").getSpec().getPodCIDR()).isNotEqualTo(node("n2").getSpec().getPodCIDR());
    pod("now", "n1", Optional.of(0L));
    pod("later", "n1", Optional.of(4L));
    pod("never", "n1", Optional.empty());
    pod("elsewhere", "n2", Optional.of(0L));

    Instant stopped = Instant.now();
    beating.remove("n1");

    Conditions.await("n1 Unknown", GRACE.plusSeconds(5), () -> ready(node("n1")).equals("Unknown"));
    assertThat(Duration.between(stopped, Instant.now())).isLessThan(GRACE.plusSeconds(2));
    NodeCondition readyCondition = condition(node("n1"), "Ready").orElseThrow();
    assertThat(readyCondition.getReason()).isEqualTo("NodeStatusUnknown");
    assertThat(readyCondition.getMessage()).isEqualTo("Kubelet stopped posting node status.");
    Conditions.await("n1 tainted unreachable", Duration.ofSeconds(5),
        () -> taints(node("n1")).containsAll(List.of("node.kubernetes.io/unreachable:NoSchedule",
            "node.kubernetes.io/unreachable:NoExecute")));
    Conditions.await("the intolerant pod evicted", Duration.ofSeconds(5), () -> podGone("now"));
    assertThat(podReady("never")).isEqualTo("False");
    assertThat(podGone("later")).as("tolerates for 4 s").isFalse();
    Conditions.await("the pod tolerating 4 s evicted", Duration.ofSeconds(10), () -> podGone("later"));
    Instant taintAdded = Instant.parse(taint(node("n1"), "node.kubernetes.io/unreachable", "NoExecute").getTimeAdded());
    assertThat(Duration.between(taintAdded, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
    assertThat(podGone("never")).as("tolerates forever").isFalse();
    assertThat(podGone("elsewhere")).as("on a healthy node").isFalse();
    assertThat(ready(node("n2"))).isEqualTo("True");
    assertThat(kubectl.run("get", "node", "n1").out()).contains("NotReady");

    postReady("n1");
    beating.add("n1");

    Conditions.await("n1's taints removed", Duration.ofSeconds(5), () -> taints(node("n1")).isEmpty());
  }

  @Test
  void withSeveralNodesDownTheyAreTaintedForEvictionAtTheZonesRate() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      names.add("z" + i);
      register("z" + i, "zone-b");
    }
    // three of eight is under the unhealthy-zone threshold: the zone keeps its normal rate
    List.of("z0", "z1", "z2").forEach(beating::remove);

    Conditions.await("three NoExecute taints", Duration.ofSeconds(20), () -> names.stream()
        .filter(n -> taints(node(n)).contains("node.kubernetes.io/unreachable:NoExecute")).count() == 3);
    List<Instant> added = names.stream().map(NodeLifecycleIT::node)
        .map(n -> Optional.ofNullable(taint(n, "node.kubernetes.io/unreachable", "NoExecute")))
        .flatMap(Optional::stream).map(t -> Instant.parse(t.getTimeAdded())).sorted().toList();
    Duration minGap = Duration.ofMillis((long) (1000 / EVICTION_RATE) - 150);
    assertThat(Duration.between(added.get(0), added.get(1))).isGreaterThanOrEqualTo(minGap);
    assertThat(Duration.between(added.get(1), added.get(2))).isGreaterThanOrEqualTo(minGap);
    // NoSchedule taints are not rate limited: all three got theirs at once
    assertThat(List.of("z0", "z1", "z2")).allMatch(n -> taints(node(n)).contains("node.kubernetes.io/unreachable:NoSchedule"));
    names.stream().filter(n -> !n.startsWith("z0") && !n.equals("z1") && !n.equals("z2"))
        .forEach(n -> assertThat(taints(node(n))).as(n).isEmpty());
  }

  /** Registers a node as a kubelet does: Ready, with a Lease it keeps renewing. */
  private static void register(String name, String zone) {
    admin.nodes().resource(new NodeBuilder().withNewMetadata().withName(name)
        .withLabels(Map.of("topology.kubernetes.io/zone", zone)).endMetadata()
        .withNewStatus().addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
        .withLastHeartbeatTime(Instant.now().toString()).withLastTransitionTime(Instant.now().toString())
        .endCondition().endStatus().build()).create();
    admin.resources(Lease.class).inNamespace("kube-node-lease").resource(new LeaseBuilder().withNewMetadata()
        .withName(name).withNamespace("kube-node-lease").endMetadata().withNewSpec().withHolderIdentity(name)
        .withLeaseDurationSeconds(40).withRenewTime(ZonedDateTime.now(ZoneOffset.UTC)).endSpec().build()).create();
    beating.add(name);
  }

  /** The simulated kubelets: each beating node renews its Lease. */
  private static void heartbeat() {
    for (String name : beating) {
      try {
        admin.resources(Lease.class).inNamespace("kube-node-lease").withName(name).edit(l -> {
          l.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC));
          return l;
        });
      } catch (RuntimeException e) {
        // a lost race with the test itself; the next beat renews
      }
    }
  }

  /** What a returning kubelet posts: Ready again, with a fresh heartbeat. */
  private static void postReady(String name) {
    admin.nodes().withName(name).editStatus(n -> {
      NodeCondition c = condition(n, "Ready").orElseThrow();
      c.setStatus("True");
      c.setReason("KubeletReady");
      c.setMessage("kubelet is posting ready status");
      c.setLastHeartbeatTime(Instant.now().toString());
      c.setLastTransitionTime(Instant.now().toString());
      return n;
    });
  }

  private static void pod(String name, String node, Optional<Long> tolerationSeconds) {
    PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withNewSpec().withNodeName(node).addNewContainer().withName("c").withImage("nginx").endContainer().endSpec();
    Pod pod = b.build();
    pod.getSpec().setTolerations(new ArrayList<>(List.of(new io.fabric8.kubernetes.api.model.TolerationBuilder()
        .withKey("node.kubernetes.io/unreachable").withOperator("Exists").withEffect("NoExecute")
        .withTolerationSeconds(tolerationSeconds.orElse(null)).build())));
    admin.pods().resource(pod).create();
    admin.pods().inNamespace("default").withName(name).editStatus(p -> {
      p.getStatus().setPhase("Running");
      p.getStatus().setConditions(new ArrayList<>(List.of(new io.fabric8.kubernetes.api.model.PodConditionBuilder()
          .withType("Ready").withStatus("True").build())));
      return p;
    });
  }

  /**
   * Deleted: gone, or (on a node whose kubelet is not there to confirm) terminating, marked as a
   * disruption by the taint manager.
   */
  private static boolean podGone(String name) {
    Pod pod = admin.pods().inNamespace("default").withName(name).get();
    return pod == null || pod.getMetadata().getDeletionTimestamp() != null && pod.getStatus().getConditions().stream()
        .anyMatch(c -> "DisruptionTarget".equals(c.getType()) && "DeletionByTaintManager".equals(c.getReason()));
  }

  private static String podReady(String name) {
    return admin.pods().inNamespace("default").withName(name).get().getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType())).findFirst().orElseThrow().getStatus();
  }

  private static Node node(String name) {
    return admin.nodes().withName(name).get();
  }

  private static String ready(Node node) {
    return condition(node, "Ready").map(NodeCondition::getStatus).orElse("");
  }

  private static Optional<NodeCondition> condition(Node node, String type) {
    return node.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static List<String> taints(Node node) {
    return node.getSpec() == null || node.getSpec().getTaints() == null ? List.of()
        : node.getSpec().getTaints().stream().map(t -> t.getKey() + ":" + t.getEffect()).toList();
  }

  private static Taint taint(Node node, String key, String effect) {
    return node.getSpec() == null || node.getSpec().getTaints() == null ? null : node.getSpec().getTaints().stream()
        .filter(t -> key.equals(t.getKey()) && effect.equals(t.getEffect())).findFirst().orElse(null);
  }
}
