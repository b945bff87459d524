package io.kube4j.scheduler.e2e;

import static io.kube4j.scheduler.e2e.SchedulerFixture.create;
import static io.kube4j.scheduler.e2e.SchedulerFixture.nodeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.scheduler.Scheduler;
import io.kube4j.scheduler.testing.Nodes;
import io.kube4j.scheduler.testing.Pods;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The story people get wrong: a NoSchedule taint on the only node keeps an ordinary pod pending with
 * the exact FailedScheduling message; a pod tolerating it with {@code Exists} lands there; the first
 * pod is scheduled as soon as a fitting node is added.
 */
class TaintsIT {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static TestCluster cluster;
  static KubernetesClient admin;
  static Scheduler scheduler;

  @BeforeAll
  static void start() throws IOException {
    cluster = TestCluster.start();
    admin = cluster.adminClient();
    scheduler = SchedulerFixture.start(cluster, Files.createTempDirectory("taints-it"), "scheduler", () -> {});
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
  void untoleratedTaintOnTheOnlyNodeThenAFittingNodeIsAdded() {
    SchedulerFixture.createNode(admin, Nodes.node("gpu").taint("dedicated", "gpu", "NoSchedule")
        .allocatable("cpu", "4", "memory", "8Gi", "pods", "110").build());
    SchedulerFixture.createNamespace(admin, "taints");
    create(admin, Pods.pod("web").namespace("taints").container("cpu", "2").build());

    String onlyNode = "0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}."
        + " preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..";
    Conditions.await("FailedScheduling on the tainted node", TIMEOUT, () -> hasFailedScheduling("web", onlyNode));
    var failed = SchedulerFixture.events(admin, "taints", "web", "FailedScheduling").get(0);
    assertThat(failed.getType()).isEqualTo("Warning");
    Conditions.await("PodScheduled=False", TIMEOUT, () -> SchedulerFixture.podScheduled(admin, "taints", "web")
        .map(c -> "False".equals(c.getStatus())).orElse(false));
    PodCondition condition = SchedulerFixture.podScheduled(admin, "taints", "web").orElseThrow();
    assertThat(condition.getReason()).isEqualTo("Unschedulable");
    assertThat(condition.getMessage()).isEqualTo(onlyNode);

    // Exists with the key only: tolerates the taint whatever its value
    create(admin, Pods.pod("cuda").namespace("taints").toleration("dedicated", "Exists", null, "NoSchedule").build());
    Conditions.await("tolerating pod bound", TIMEOUT, () -> nodeOf(admin, "taints", "cuda") != null);
    assertThat(nodeOf(admin, "taints", "cuda")).isEqualTo("gpu");

    SchedulerFixture.createNode(admin, Nodes.node("roomy").allocatable("cpu", "4", "memory", "8Gi", "pods", "110").build());
    Conditions.await("scheduled once a fitting node exists", TIMEOUT, () -> nodeOf(admin, "taints", "web") != null);
    assertThat(nodeOf(admin, "taints", "web")).isEqualTo("roomy");
    Conditions.await("PodScheduled=True", TIMEOUT, () -> SchedulerFixture.podScheduled(admin, "taints", "web")
        .map(c -> "True".equals(c.getStatus())).orElse(false));
  }

  private static boolean hasFailedScheduling(String pod, String message) {
    return SchedulerFixture.events(admin, "taints", pod, "FailedScheduling").stream()
        .anyMatch(e -> message.equals(e.getMessage()));
  }
}
