package io.kube4j.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.TestCluster;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code pods/eviction} against a real apiserver, the PodDisruptionBudget's status written by the
 * test as the disruption controller would: an eviction the budget allows takes one disruption and
 * marks the pod DisruptionTarget; the next one is a 429 with Kubernetes' message and cause; pending,
 * unready and unbudgeted pods go at once; two budgets or a budget not yet processed refuse.
 */
class EvictionIT {

  static TestCluster cluster;
  static KubernetesClient admin;
  static RawApi raw;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start();
    admin = cluster.adminClient();
    raw = RawApi.admin(cluster);
  }

  @AfterAll
  static void stop() {
    if (raw != null) {
      raw.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  static void namespace(String ns) {
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
  }

  /** A pod as a kubelet would report it: Running, and Ready or not. */
  static Pod runningPod(String ns, String name, Map<String, String> labels, boolean ready) {
    Pod pod = admin.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName(name)
        .withLabels(labels).endMetadata().withNewSpec().withNodeName("n1").addNewContainer().withName("c")
        .withImage("busybox").endContainer().endSpec().build()).create();
    return admin.pods().inNamespace(ns).resource(new PodBuilder(pod).withNewStatus().withPhase("Running")
        .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus().build())
        .updateStatus();
  }

  /** A budget whose status says what the disruption controller would have computed. */
  static PodDisruptionBudget budget(String ns, String name, String app, int allowed, int current, int desired) {
    PodDisruptionBudget pdb = admin.policy().v1().podDisruptionBudget().inNamespace(ns).resource(
        new PodDisruptionBudgetBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
            .withNewMinAvailable(desired).withNewSelector().addToMatchLabels("app", app).endSelector().endSpec().build())
        .create();
    return admin.policy().v1().podDisruptionBudget().inNamespace(ns).resource(new PodDisruptionBudgetBuilder(pdb)
        .withNewStatus().withObservedGeneration(pdb.getMetadata().getGeneration()).withDisruptionsAllowed(allowed)
        .withCurrentHealthy(current).withDesiredHealthy(desired).withExpectedPods(current).endStatus().build())
        .updateStatus();
  }

  static RawApi.Reply evict(String ns, String name) {
    return raw.send("POST", "/api/v1/namespaces/" + ns + "/pods/" + name + "/eviction", "application/json",
        "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\""
            + ns + "\"}}");
  }

  @Test
  void theBudgetAllowsOneDisruptionThenRefusesWithA429() {
    namespace("budget");
    runningPod("budget", "web-1", Map.of("app", "web"), true);
    runningPod("budget", "web-2", Map.of("app", "web"), true);
    runningPod("budget", "web-3", Map.of("app", "web"), true);
    budget("budget", "web-pdb", "web", 1, 3, 2);

    RawApi.Reply first = evict("budget", "web-1");
    assertThat(first.code()).isEqualTo(201);
    assertThat(first.body()).contains("\"status\":\"Success\"");
    Pod evicted = admin.pods().inNamespace("budget").withName("web-1").get();
    assertThat(evicted.getMetadata().getDeletionTimestamp()).as("graceful deletion started").isNotNull();
    assertThat(evicted.getStatus().getConditions()).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo("DisruptionTarget");
      assertThat(c.getReason()).isEqualTo("EvictionByEvictionAPI");
      assertThat(c.getMessage()).isEqualTo("Eviction API: evicting");
    });
    PodDisruptionBudget pdb = admin.policy().v1().podDisruptionBudget().inNamespace("budget").withName("web-pdb").get();
    assertThat(pdb.getStatus().getDisruptionsAllowed()).isZero();
    assertThat(pdb.getStatus().getDisruptedPods()).containsKey("web-1");
    assertThat(pdb.getStatus().getConditions()).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo("DisruptionAllowed");
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("InsufficientPods");
    });

    RawApi.Reply second = evict("budget", "web-2");
    JsonNode status = RawApi.assertStatus(second, 429, "TooManyRequests",
        "Cannot evict pod as it would violate the pod's disruption budget.");
    assertThat(status.at("/details/causes/0/reason").asText()).isEqualTo("DisruptionBudget");
    assertThat(status.at("/details/causes/0/message").asText())
        .isEqualTo("The disruption budget web-pdb needs 2 healthy pods and has 3 currently");
    assertThat(admin.pods().inNamespace("budget").withName("web-2").get().getMetadata().getDeletionTimestamp())
        .as("the refused pod is untouched").isNull();
    // and Fabric8's evict() reads the 429 as "not now"
    assertThat(admin.pods().inNamespace("budget").withName("web-3").evict()).isFalse();
  }

  @Test
  void concurrentEvictionsSpendTheBudgetOnce() throws Exception {
    namespace("race");
    for (int i = 0; i < 4; i++) {
      runningPod("race", "r-" + i, Map.of("app", "r"), true);
    }
    budget("race", "r-pdb", "r", 1, 4, 3);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var replies = pool.invokeAll(java.util.stream.IntStream.range(0, 4)
          .mapToObj(i -> (java.util.concurrent.Callable<Integer>) () -> evict("race", "r-" + i).code()).toList());
      java.util.List<Integer> codes = new java.util.ArrayList<>();
      for (var f : replies) {
        codes.add(f.get());
      }
      assertThat(codes).containsExactlyInAnyOrder(201, 429, 429, 429);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void podsThatAreNotRunningOrNotBudgetedGoAtOnce() {
    namespace("free");
    admin.pods().inNamespace("free").resource(new PodBuilder().withNewMetadata().withName("pending")
        .addToLabels("app", "db").endMetadata().withNewSpec().addNewContainer().withName("c").withImage("busybox")
        .endContainer().endSpec().build()).create();
    runningPod("free", "loner", Map.of("app", "none"), true);
    runningPod("free", "sick", Map.of("app", "db"), false);
    runningPod("free", "db-1", Map.of("app", "db"), true);
    runningPod("free", "db-2", Map.of("app", "db"), true);
    budget("free", "db-pdb", "db", 0, 2, 2);

    assertThat(evict("free", "pending").code()).as("a pending pod ignores the budget").isEqualTo(201);
    assertThat(evict("free", "loner").code()).as("no budget selects it").isEqualTo(201);
    assertThat(evict("free", "sick").code()).as("unready, and the budget is met without it").isEqualTo(201);
    assertThat(admin.pods().inNamespace("free").withName("sick").get().getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(admin.policy().v1().podDisruptionBudget().inNamespace("free").withName("db-pdb").get()
        .getStatus().getDisruptedPods()).as("an unready pod costs the budget nothing").isNullOrEmpty();
    assertThat(evict("free", "db-1").code()).isEqualTo(429);
  }

  @Test
  void twoBudgetsOrAnUnprocessedBudgetRefuse() {
    namespace("odd");
    runningPod("odd", "api-1", Map.of("app", "api", "tier", "x"), true);
    budget("odd", "one", "api", 1, 1, 0);
    admin.policy().v1().podDisruptionBudget().inNamespace("odd").resource(new PodDisruptionBudgetBuilder()
        .withNewMetadata().withName("two").endMetadata().withNewSpec().withNewMaxUnavailable(1).withNewSelector()
        .addToMatchLabels("tier", "x").endSelector().endSpec().build()).create();
    RawApi.assertStatus(evict("odd", "api-1"), 500, "InternalError",
        "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.");

    namespace("fresh");
    runningPod("fresh", "api-1", Map.of("app", "api"), true);
    admin.policy().v1().podDisruptionBudget().inNamespace("fresh").resource(new PodDisruptionBudgetBuilder()
        .withNewMetadata().withName("new").endMetadata().withNewSpec().withNewMaxUnavailable(1).withNewSelector()
        .addToMatchLabels("app", "api").endSelector().endSpec().build()).create();
    RawApi.Reply r = evict("fresh", "api-1");
    JsonNode status = RawApi.assertStatus(r, 429, "TooManyRequests",
        "Cannot evict pod as it would violate the pod's disruption budget.");
    assertThat(status.at("/details/causes/0/message").asText())
        .isEqualTo("The disruption budget new is still being processed by the server.");
    assertThat(r.headers().firstValue("Retry-After")).hasValue("10");
  }

  @Test
  void badEvictionsAreRefusedAndChangeNothing() {
    namespace("bad");
    runningPod("bad", "p", Map.of("app", "p"), true);
    RawApi.assertStatus(raw.send("POST", "/api/v1/namespaces/bad/pods/p/eviction", "application/json",
        "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"q\"}}"), 400, "BadRequest",
        "name in URL does not match name in Eviction object");
    assertThat(evict("bad", "ghost").code()).isEqualTo(404);
    RawApi.Reply dry = raw.send("POST", "/api/v1/namespaces/bad/pods/p/eviction?dryRun=All", "application/json",
        "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"p\"}}");
    assertThat(dry.code()).isEqualTo(201);
    assertThat(admin.pods().inNamespace("bad").withName("p").get().getMetadata().getDeletionTimestamp()).isNull();
  }
}
