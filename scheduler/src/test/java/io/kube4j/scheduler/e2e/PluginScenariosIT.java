package io.kube4j.scheduler.e2e;

import static io.kube4j.scheduler.e2e.SchedulerFixture.create;
import static io.kube4j.scheduler.e2e.SchedulerFixture.nodeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
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
  void aNodeWithoutTheZoneLabelIsReportedAsMissingTheRequiredLabel() {
    SchedulerFixture.createNode(admin, Nodes.node("unlabelled").allocatable("cpu", "8", "memory", "16Gi", "pods", "110")
        .build());
    SchedulerFixture.createNamespace(admin, "nolabel");
    create(admin, Pods.pod("web").namespace("nolabel").label("app", "web")
        .spreadConstraint(1, ZONE, "DoNotSchedule", "app", "web").build());
    String msg = "0/1 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label).";
    Conditions.await("FailedScheduling", TIMEOUT, () -> SchedulerFixture.events(admin, "nolabel", "web", "FailedScheduling")
        .stream().anyMatch(e -> msg.equals(e.getMessage())));
  }

}
