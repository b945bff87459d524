package io.kube4j.scheduler.e2e;

import static io.kube4j.scheduler.e2e.SchedulerFixture.create;
import static io.kube4j.scheduler.e2e.SchedulerFixture.nodeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.scheduler.Scheduler;
import io.kube4j.scheduler.testing.Nodes;
import io.kube4j.scheduler.testing.Pods;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, {@code small} (1 CPU, zone a) and {@code big} (8 CPUs, zone b): each test creates pods
 * in its own namespace and checks where the scheduler put them and what it recorded.
 */
class SchedulingIT {

  static final Duration BIND_TIMEOUT = Duration.ofSeconds(20);
  static TestCluster cluster;
  static KubernetesClient admin;
  static Scheduler scheduler;
  static Path dir;

  @BeforeAll
  static void start() throws IOException {
    cluster = TestCluster.start();
    admin = cluster.adminClient();
    dir = Files.createTempDirectory("scheduling-it");
    SchedulerFixture.createNode(admin, Nodes.node("small").label("zone", "a")
        .allocatable("cpu", "1", "memory", "2Gi", "pods", "110").build());
    SchedulerFixture.createNode(admin, Nodes.node("big").label("zone", "b").label("disktype", "ssd")
        .allocatable("cpu", "8", "memory", "16Gi", "pods", "110").build());
    scheduler = SchedulerFixture.start(cluster, dir, "scheduler", () -> {});
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

  @Test
  void podLandsOnTheNodeWithRoomAndKubectlShowsTheNode() {
    SchedulerFixture.createNamespace(admin, "room");
    create(admin, Pods.pod("needs-two-cpus").namespace("room").container("cpu", "2").build());
    Conditions.await("bound", BIND_TIMEOUT, () -> nodeOf(admin, "room", "needs-two-cpus") != null);
    assertThat(nodeOf(admin, "room", "needs-two-cpus")).isEqualTo("big");

    Conditions.await("Scheduled event", BIND_TIMEOUT,
        () -> !SchedulerFixture.events(admin, "room", "needs-two-cpus", "Scheduled").isEmpty());
    Event scheduled = SchedulerFixture.events(admin, "room", "needs-two-cpus", "Scheduled").get(0);
    assertThat(scheduled.getType()).isEqualTo("Normal");
    assertThat(scheduled.getMessage()).isEqualTo("Successfully assigned room/needs-two-cpus to big");
    assertThat(scheduled.getReportingComponent()).isEqualTo("default-scheduler");
    assertThat(SchedulerFixture.podScheduled(admin, "room", "needs-two-cpus").orElseThrow().getStatus())
        .isEqualTo("True");

    Kubectl.assumeAvailable();
    String out = new Kubectl(cluster.adminKubeconfig(), dir).run("get", "pod", "needs-two-cpus", "-n", "room",
        "-o", "wide").assertOk().out();
    assertThat(out.lines().findFirst().orElseThrow()).contains("NODE");
    assertThat(out.lines().skip(1).findFirst().orElseThrow()).containsPattern("needs-two-cpus\\s.*\\sbig\\s");
  }

  @Test
  void nodeSelectorAndRequiredAffinityPickTheMatchingNode() {
    SchedulerFixture.createNamespace(admin, "selector");
    create(admin, Pods.pod("zone-a").namespace("selector").nodeSelector("zone", "a").build());
    create(admin, Pods.pod("not-b").namespace("selector").requiredNodeAffinity(new NodeSelectorRequirementBuilder()
        .withKey("zone").withOperator("NotIn").withValues("b").build()).build());
    create(admin, Pods.pod("ssd").namespace("selector").requiredNodeAffinity(new NodeSelectorRequirementBuilder()
        .withKey("disktype").withOperator("Exists").build()).build());
    Conditions.await("all bound", BIND_TIMEOUT, () -> List.of("zone-a", "not-b", "ssd").stream()
        .allMatch(p -> nodeOf(admin, "selector", p) != null));
    assertThat(nodeOf(admin, "selector", "zone-a")).isEqualTo("small");
    assertThat(nodeOf(admin, "selector", "not-b")).isEqualTo("small");
    assertThat(nodeOf(admin, "selector", "ssd")).isEqualTo("big");
  }

  @Test
  void preferredAffinityWeightsDecideBetweenNodesThatBothFit() {
    SchedulerFixture.createNamespace(admin, "preferred");
    // both nodes fit both pods; NodeAffinity's weight (2 x 100 for the preferred node) outweighs the
    // resource scores, which alone would send both pods to the same (least loaded) node
    create(admin, Pods.pod("prefers-a").namespace("preferred").container("cpu", "100m")
        .preferredNodeAffinity(10, new NodeSelectorRequirementBuilder().withKey("zone").withOperator("In")
            .withValues("b").build())
        .preferredNodeAffinity(90, new NodeSelectorRequirementBuilder().withKey("zone").withOperator("In")
            .withValues("a").build()).build());
    create(admin, Pods.pod("prefers-b").namespace("preferred").container("cpu", "100m")
        .preferredNodeAffinity(90, new NodeSelectorRequirementBuilder().withKey("zone").withOperator("In")
            .withValues("b").build())
        .preferredNodeAffinity(10, new NodeSelectorRequirementBuilder().withKey("zone").withOperator("In")
            .withValues("a").build()).build());
    Conditions.await("both bound", BIND_TIMEOUT, () -> nodeOf(admin, "preferred", "prefers-a") != null
        && nodeOf(admin, "preferred", "prefers-b") != null);
    assertThat(nodeOf(admin, "preferred", "prefers-a")).isEqualTo("small");
    assertThat(nodeOf(admin, "preferred", "prefers-b")).isEqualTo("big");
  }

  @Test
  void anInitContainersLargerRequestDecidesTheNode() {
    SchedulerFixture.createNamespace(admin, "init");
    create(admin, Pods.pod("big-init").namespace("init").nodeSelector("zone", "a").container("cpu", "100m")
        .initContainer("cpu", "2").build());
    create(admin, Pods.pod("big-init-anywhere").namespace("init").container("cpu", "100m")
        .initContainer("cpu", "2").build());
    Conditions.await("FailedScheduling", BIND_TIMEOUT,
        () -> !SchedulerFixture.events(admin, "init", "big-init", "FailedScheduling").isEmpty());
    assertThat(SchedulerFixture.events(admin, "init", "big-init", "FailedScheduling").get(0).getMessage())
        .isEqualTo("0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector."
            + " preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling..");
    Conditions.await("bound", BIND_TIMEOUT, () -> nodeOf(admin, "init", "big-init-anywhere") != null);
    assertThat(nodeOf(admin, "init", "big-init-anywhere")).isEqualTo("big");
    assertThat(nodeOf(admin, "init", "big-init")).isNull();
  }

  @Test
  void aPodWithNodeNameSetIsLeftAlone() {
    SchedulerFixture.createNamespace(admin, "direct");
    var pod = Pods.pod("pinned").namespace("direct").container("cpu", "100m").build();
    pod.getSpec().setNodeName("small");
    create(admin, pod);
    create(admin, Pods.pod("after").namespace("direct").container("cpu", "100m").build());
    // the later pod's Scheduled event shows the scheduler has gone past the pinned one
    Conditions.await("the later pod is scheduled", BIND_TIMEOUT,
        () -> !SchedulerFixture.events(admin, "direct", "after", "Scheduled").isEmpty());
    assertThat(nodeOf(admin, "direct", "pinned")).isEqualTo("small");
    assertThat(SchedulerFixture.events(admin, "direct", "pinned", "Scheduled")).isEmpty();
    assertThat(SchedulerFixture.events(admin, "direct", "pinned", "FailedScheduling")).isEmpty();
  }

  @Test
  void servesHealthAndMetricsOverHttps() throws Exception {
    SSLContext trustAll = SSLContext.getInstance("TLS");
    trustAll.init(null, new TrustManager[] {new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }}, new SecureRandom());
    HttpClient http = HttpClient.newBuilder().sslContext(trustAll).build();
    String base = "https://127.0.0.1:" + scheduler.securePort();
    for (String path : List.of("/healthz", "/readyz")) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("ok");
    }
    String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics).contains("leader_election_master_status{name=\"kube-scheduler\"} 1")
        .contains("scheduler_schedule_attempts_total{profile=\"default-scheduler\",result=\"scheduled\"}")
        .contains("scheduler_pending_pods{queue=\"active\"}");
  }
}
