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
 * A pod that fits nowhere: the {@code FailedScheduling} Warning and the {@code PodScheduled=False}
 * condition carry upstream's message, and a node-add event retries the pod, whose message then
 * counts every reason over the three nodes.
 */
class FailedSchedulingIT {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static TestCluster cluster;
  static KubernetesClient admin;
  static Scheduler scheduler;

  @BeforeAll
  static void start() throws IOException {
    cluster = TestCluster.start();
    admin = cluster.adminClient();
    scheduler = SchedulerFixture.start(cluster, Files.createTempDirectory("failed-scheduling-it"), "scheduler", () -> {});
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
  void noScheduleTaintOnTheOnlyNodeThenTwoNodesTooSmall() {
    SchedulerFixture.createNode(admin, Nodes.node("gpu").taint("dedicated", "gpu", "NoSchedule")
        .allocatable("cpu", "4", "memory", "8Gi", "pods", "110").build());
    SchedulerFixture.createNamespace(admin, "pending");
    create(admin, Pods.pod("web").namespace("pending").container("cpu", "2").build());

    String onlyNode = "0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}."
        + " preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..";
    Conditions.await("FailedScheduling on the tainted node", TIMEOUT, () -> hasFailedScheduling(onlyNode));
    var failed = SchedulerFixture.events(admin, "pending", "web", "FailedScheduling").get(0);
    assertThat(failed.getType()).isEqualTo("Warning");
    assertThat(failed.getReportingComponent()).isEqualTo("default-scheduler");
    Conditions.await("PodScheduled=False", TIMEOUT, () -> SchedulerFixture.podScheduled(admin, "pending", "web")
        .map(c -> onlyNode.equals(c.getMessage())).orElse(false));
    PodCondition condition = SchedulerFixture.podScheduled(admin, "pending", "web").orElseThrow();
    assertThat(condition.getStatus()).isEqualTo("False");
    assertThat(condition.getReason()).isEqualTo("Unschedulable");

    SchedulerFixture.createNode(admin, Nodes.node("small-1").allocatable("cpu", "1", "memory", "8Gi", "pods", "110").build());
    SchedulerFixture.createNode(admin, Nodes.node("small-2").allocatable("cpu", "1", "memory", "8Gi", "pods", "110").build());
    // neither a taint nor a request larger than the node can be helped by evicting pods
    String threeNodes = "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu."
        + " preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..";
    Conditions.await("FailedScheduling counting three nodes", TIMEOUT, () -> hasFailedScheduling(threeNodes));
    Conditions.await("PodScheduled message updated", TIMEOUT, () -> SchedulerFixture.podScheduled(admin, "pending", "web")
        .map(c -> threeNodes.equals(c.getMessage())).orElse(false));
    assertThat(nodeOf(admin, "pending", "web")).isNull();
  }

  private static boolean hasFailedScheduling(String message) {
    return SchedulerFixture.events(admin, "pending", "web", "FailedScheduling").stream()
        .anyMatch(e -> message.equals(e.getMessage()));
  }
}
