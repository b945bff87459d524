package io.kube4j.scheduler.e2e;

import static io.kube4j.scheduler.e2e.SchedulerFixture.create;
import static io.kube4j.scheduler.e2e.SchedulerFixture.nodeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.scheduler.Scheduler;
import io.kube4j.scheduler.testing.Nodes;
import io.kube4j.scheduler.testing.Pods;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugins that look at other pods (PodTopologySpread, InterPodAffinity) and at requests against a
 * real apiserver and etcd, one scheduler. Each test makes its own nodes and namespace; the nodes and
 * pods are removed after it (there is no kubelet, so pods are deleted at once).
 */
class PluginScenariosIT {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final String ZONE = "topology.kubernetes.io/zone";
  static final String HOSTNAME = "kubernetes.io/hostname";
  /**
   * Three replicas hold the three nodes; all of priority 0, so preemption finds no victim. The ".." is
   * upstream's: the preemption message is itself a FitError message ending in "." and gets another.
   */
  static final String ANTI_AFFINITY_FOURTH = "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules."
      + " preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..";
  static TestCluster cluster;
  static KubernetesClient admin;
  static Scheduler scheduler;

  @BeforeAll
  static void start() throws IOException {
    cluster = TestCluster.start();
    admin = cluster.adminClient();
    scheduler = SchedulerFixture.start(cluster, Files.createTempDirectory("plugins-it"), "scheduler", () -> {});
    Conditions.await("scheduler leads", Duration.ofSeconds(15), scheduler::isLeading);
  }

  @AfterAll
  static void stop() {
    if (scheduler != null) {
      scheduler.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @AfterEach
  void removeNodesAndPods() {
    admin.pods().inAnyNamespace().list().getItems().forEach(p ->
        admin.pods().inNamespace(p.getMetadata().getNamespace()).withName(p.getMetadata().getName())
            .withGracePeriod(0).delete());
    admin.nodes().list().getItems().forEach(n -> admin.nodes().withName(n.getMetadata().getName()).delete());
    Conditions.await("clean", TIMEOUT, () -> admin.pods().inAnyNamespace().list().getItems().isEmpty()
        && admin.nodes().list().getItems().isEmpty());
  }

  static Node zoned(String name, String zone, String cpu) {
    return Nodes.node(name).label(ZONE, zone).label(HOSTNAME, name)
        .allocatable("cpu", cpu, "memory", "16Gi", "pods", "110").build();
  }

  static Map<String, String> placement(String ns, List<String> pods) {
    return pods.stream().collect(Collectors.toMap(p -> p, p -> nodeOf(admin, ns, p), (a, b) -> a, TreeMap::new));
  }

  @Test
  void sixPodsOfOneAppSpreadTwoPerZoneAcrossThreeZones() {
    // zone a has two nodes and b, c one each: without the constraint the resource scores would favour
    // the emptiest nodes; with maxSkew 1 on the zone every zone ends with 2
    SchedulerFixture.createNode(admin, zoned("a1", "a", "8"));
    SchedulerFixture.createNode(admin, zoned("a2", "a", "8"));
    SchedulerFixture.createNode(admin, zoned("b1", "b", "8"));
    SchedulerFixture.createNode(admin, zoned("c1", "c", "8"));
    SchedulerFixture.createNamespace(admin, "spread");
    List<String> names = IntStream.range(0, 6).mapToObj(i -> "web-" + i).toList();
    for (String n : names) {
      create(admin, Pods.pod(n).namespace("spread").label("app", "web").container("cpu", "100m")
          .spreadConstraint(1, ZONE, "DoNotSchedule", "app", "web").build());
    }
    Conditions.await("all six bound", TIMEOUT, () -> names.stream().allMatch(n -> nodeOf(admin, "spread", n) != null));
    Map<String, Long> perZone = names.stream().map(n -> admin.nodes().withName(nodeOf(admin, "spread", n)).get())
        .collect(Collectors.groupingBy(n -> n.getMetadata().getLabels().get(ZONE), TreeMap::new, Collectors.counting()));
    assertThat(perZone).isEqualTo(Map.of("a", 2L, "b", 2L, "c", 2L));
  }

  @Test
  void antiAffinitySpreadsReplicasOnePerNodeAndTheFourthWaits() {
    for (String n : List.of("n1", "n2", "n3")) {
      SchedulerFixture.createNode(admin, zoned(n, "a", "8"));
    }
    SchedulerFixture.createNamespace(admin, "anti");
    List<String> names = List.of("cache-0", "cache-1", "cache-2");
    for (String n : names) {
      create(admin, Pods.pod(n).namespace("anti").label("app", "cache").podAntiAffinity(HOSTNAME, "app", "cache").build());
    }
    Conditions.await("three bound", TIMEOUT, () -> names.stream().allMatch(n -> nodeOf(admin, "anti", n) != null));
    assertThat(placement("anti", names).values()).containsExactlyInAnyOrder("n1", "n2", "n3");

    create(admin, Pods.pod("cache-3").namespace("anti").label("app", "cache").podAntiAffinity(HOSTNAME, "app", "cache")
        .build());
    String msg = ANTI_AFFINITY_FOURTH;
    Conditions.await("FailedScheduling for the fourth", TIMEOUT, () -> SchedulerFixture.events(admin, "anti", "cache-3",
        "FailedScheduling").stream().anyMatch(e -> msg.equals(e.getMessage())));
    assertThat(nodeOf(admin, "anti", "cache-3")).isNull();

    // one replica gone: its node is free for the fourth
    String freed = nodeOf(admin, "anti", "cache-1");
    admin.pods().inNamespace("anti").withName("cache-1").withGracePeriod(0).delete();
    Conditions.await("fourth bound", TIMEOUT, () -> nodeOf(admin, "anti", "cache-3") != null);
    assertThat(nodeOf(admin, "anti", "cache-3")).isEqualTo(freed);
  }

  @Test
  void preferredPodAffinityWeightsPickTheWinner() {
    SchedulerFixture.createNode(admin, zoned("n1", "a", "8"));
    SchedulerFixture.createNode(admin, zoned("n2", "a", "8"));
    SchedulerFixture.createNamespace(admin, "weights");
    // placed directly (no scheduler): a db on n1, a cache on n2
    create(admin, Pods.pod("db").namespace("weights").label("app", "db").node("n1").build());
    create(admin, Pods.pod("cache").namespace("weights").label("app", "cache").node("n2").build());
    create(admin, Pods.pod("near-cache").namespace("weights").preferredPodAffinity(10, HOSTNAME, "app", "db")
        .preferredPodAffinity(90, HOSTNAME, "app", "cache").build());
    create(admin, Pods.pod("near-db").namespace("weights").preferredPodAffinity(90, HOSTNAME, "app", "db")
        .preferredPodAffinity(10, HOSTNAME, "app", "cache").build());
    Conditions.await("both bound", TIMEOUT, () -> nodeOf(admin, "weights", "near-cache") != null
        && nodeOf(admin, "weights", "near-db") != null);
    assertThat(nodeOf(admin, "weights", "near-cache")).isEqualTo("n2");
    assertThat(nodeOf(admin, "weights", "near-db")).isEqualTo("n1");
  }

  @Test
  void anInitContainersLargerRequestDecidesTheFit() {
    // small: 2 CPUs free; big: 8 CPUs with 5 taken. The app container (500m) alone would go to small
    // (LeastAllocated: 75 against 31), but the init container's 2500m only fits in big's 3 free CPUs
    SchedulerFixture.createNode(admin, zoned("small", "a", "2"));
    SchedulerFixture.createNode(admin, zoned("big", "a", "8"));
    SchedulerFixture.createNamespace(admin, "init");
    create(admin, Pods.pod("resident").namespace("init").container("cpu", "5").node("big").build());
    create(admin, Pods.pod("plain").namespace("init").container("cpu", "500m").build());
    Conditions.await("plain bound", TIMEOUT, () -> nodeOf(admin, "init", "plain") != null);
    assertThat(nodeOf(admin, "init", "plain")).isEqualTo("small");
    create(admin, Pods.pod("with-init").namespace("init").container("cpu", "500m").initContainer("cpu", "2500m").build());
    Conditions.await("with-init bound", TIMEOUT, () -> nodeOf(admin, "init", "with-init") != null);
    assertThat(nodeOf(admin, "init", "with-init")).isEqualTo("big");
  }

  @Test
  void aHighPriorityPodPreemptsALowPriorityOne() {
    priorityClass("low-priority", 10, null);
    priorityClass("high-priority", 1000, null);
    SchedulerFixture.createNode(admin, zoned("only", "a", "4"));
    SchedulerFixture.createNamespace(admin, "preempt");
    create(admin, Pods.pod("low").namespace("preempt").priorityClassName("low-priority").container("cpu", "3").build());
    Conditions.await("low bound", TIMEOUT, () -> nodeOf(admin, "preempt", "low") != null);

    create(admin, Pods.pod("high").namespace("preempt").priorityClassName("high-priority").container("cpu", "3").build());
    Conditions.await("high nominated to the node", TIMEOUT, () -> "only".equals(nominated("preempt", "high")));
    assertThat(SchedulerFixture.events(admin, "preempt", "high", "FailedScheduling"))
        .anyMatch(e -> "0/1 nodes are available: 1 Insufficient cpu.".equals(e.getMessage()));
    // the victim is terminating, marked as the scheduler's DisruptionTarget, with a Preempted event
    Conditions.await("low terminating", TIMEOUT, () -> {
      Pod low = admin.pods().inNamespace("preempt").withName("low").get();
      return low != null && low.getMetadata().getDeletionTimestamp() != null;
    });
    Pod low = admin.pods().inNamespace("preempt").withName("low").get();
    assertThat(low.getStatus().getConditions()).anyMatch(c -> "DisruptionTarget".equals(c.getType())
        && "True".equals(c.getStatus()) && "PreemptionByScheduler".equals(c.getReason())
        && "default-scheduler: preempting to accommodate a higher priority pod".equals(c.getMessage()));
    Conditions.await("Preempted event", TIMEOUT, () -> !SchedulerFixture.events(admin, "preempt", "low", "Preempted")
        .isEmpty());
    assertThat(nodeOf(admin, "preempt", "high")).isNull();

    // the kubelet would stop the container and remove the pod; then the room is the preemptor's
    admin.pods().inNamespace("preempt").withName("low").withGracePeriod(0).delete();
    Conditions.await("high bound", TIMEOUT, () -> nodeOf(admin, "preempt", "high") != null);
    assertThat(nodeOf(admin, "preempt", "high")).isEqualTo("only");
  }

  @Test
  void preemptionPolicyNeverWaitsInsteadOfEvicting() {
    priorityClass("low-never-test", 10, null);
    priorityClass("high-never", 1000, "Never");
    SchedulerFixture.createNode(admin, zoned("only", "a", "4"));
    SchedulerFixture.createNamespace(admin, "never");
    create(admin, Pods.pod("low").namespace("never").priorityClassName("low-never-test").container("cpu", "3").build());
    Conditions.await("low bound", TIMEOUT, () -> nodeOf(admin, "never", "low") != null);
    create(admin, Pods.pod("polite").namespace("never").priorityClassName("high-never").container("cpu", "3").build());
    String msg = "0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never..";
    Conditions.await("FailedScheduling", TIMEOUT, () -> SchedulerFixture.events(admin, "never", "polite", "FailedScheduling")
        .stream().anyMatch(e -> msg.equals(e.getMessage())));
    assertThat(admin.pods().inNamespace("never").withName("low").get().getMetadata().getDeletionTimestamp()).isNull();
  }

  private static void priorityClass(String name, int value, String preemptionPolicy) {
    admin.resource(new PriorityClassBuilder().withNewMetadata().withName(name).endMetadata().withValue(value)
        .withPreemptionPolicy(preemptionPolicy).build()).create();
  }

  private static String nominated(String ns, String name) {
    Pod p = admin.pods().inNamespace(ns).withName(name).get();
    return p == null || p.getStatus() == null ? null : p.getStatus().getNominatedNodeName();
  }

  @Test
  void aNodeWithoutTheZoneLabelIsReportedAsMissingTheRequiredLabel() {
    SchedulerFixture.createNode(admin, Nodes.node("unlabelled").allocatable("cpu", "8", "memory", "16Gi", "pods", "110")
        .build());
    SchedulerFixture.createNamespace(admin, "nolabel");
    create(admin, Pods.pod("web").namespace("nolabel").label("app", "web")
        .spreadConstraint(1, ZONE, "DoNotSchedule", "app", "web").build());
    String msg = "0/1 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label)."
        + " preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..";
    Conditions.await("FailedScheduling", TIMEOUT, () -> SchedulerFixture.events(admin, "nolabel", "web", "FailedScheduling")
        .stream().anyMatch(e -> msg.equals(e.getMessage())));
  }

}
