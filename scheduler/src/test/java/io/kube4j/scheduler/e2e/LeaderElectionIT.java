package io.kube4j.scheduler.e2e;

import static io.kube4j.scheduler.e2e.SchedulerFixture.create;
import static io.kube4j.scheduler.e2e.SchedulerFixture.nodeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.scheduler.Scheduler;
import io.kube4j.scheduler.metrics.SchedulerMetrics;
import io.kube4j.scheduler.testing.Nodes;
import io.kube4j.scheduler.testing.Pods;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two schedulers, one Lease {@code kube-system/kube-scheduler}: only the holder schedules; when it
 * stops (without releasing the Lease, as a killed process), the other takes over once the Lease
 * expires, and every pod is bound exactly once.
 */
class LeaderElectionIT {

  static TestCluster cluster;
  static KubernetesClient admin;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start();
    admin = cluster.adminClient();
  }

  @AfterAll
  static void stop() {
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void onlyTheLeaderBindsAndTheOtherTakesOverWhenItStops() throws IOException {
    SchedulerFixture.createNode(admin, Nodes.node("n1").allocatable("cpu", "64", "memory", "64Gi", "pods", "110").build());
    SchedulerFixture.createNamespace(admin, "le");
    Path dir = Files.createTempDirectory("scheduler-le-it");
    AtomicInteger lost = new AtomicInteger();
    Scheduler first = SchedulerFixture.start(cluster, dir, "first", lost::incrementAndGet);
    Conditions.await("first leads", Duration.ofSeconds(15), first::isLeading);
    Scheduler second = SchedulerFixture.start(cluster, dir, "second", lost::incrementAndGet);
    try {
      assertThat(holder()).isEqualTo(first.identity());
      createPods("before", 5);
      Conditions.await("first binds", Duration.ofSeconds(20), () -> allBound("before", 5));
      assertScheduledOnceBy("before", first.identity());
      assertThat(second.isLeading()).isFalse();
      assertThat(second.metrics().attempts(SchedulerMetrics.Result.SCHEDULED)).isZero();

      first.close();  // no release: the Lease must expire first
      createPods("after", 5);
      Conditions.await("second leads", Duration.ofSeconds(20), second::isLeading);
      assertThat(holder()).isEqualTo(second.identity());
      Conditions.await("second binds", Duration.ofSeconds(20), () -> allBound("after", 5));
      assertScheduledOnceBy("after", second.identity());
      assertScheduledOnceBy("before", first.identity());
      assertThat(lost.get()).as("closing is not losing").isZero();
    } finally {
      first.close();
      second.close();
    }
  }

  /** Each pod has exactly one Scheduled event, from the expected scheduler. */
  private static void assertScheduledOnceBy(String prefix, String identity) {
    for (int i = 0; i < 5; i++) {
      String pod = prefix + "-" + i;
      Conditions.await("Scheduled event of " + pod, Duration.ofSeconds(10),
          () -> !SchedulerFixture.events(admin, "le", pod, "Scheduled").isEmpty());
      List<Event> scheduled = SchedulerFixture.events(admin, "le", pod, "Scheduled");
      assertThat(scheduled).as("bound once: %s", pod).hasSize(1);
      assertThat(scheduled.get(0).getReportingInstance()).isEqualTo(identity);
    }
  }

  private static void createPods(String prefix, int n) {
    IntStream.range(0, n).forEach(i -> create(admin, Pods.pod(prefix + "-" + i).namespace("le")
        .container("cpu", "100m").build()));
  }

  private static boolean allBound(String prefix, int n) {
    return IntStream.range(0, n).allMatch(i -> nodeOf(admin, "le", prefix + "-" + i) != null);
  }

  private static String holder() {
    Lease lease = admin.resources(Lease.class).inNamespace("kube-system").withName("kube-scheduler").get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }
}
