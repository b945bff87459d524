package io.kube4j.scheduler.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.testing.Pods;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SchedulingQueueTest {

  /** A clock that moves only when the test says so. */
  static final class FakeClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void step(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final FakeClock clock = new FakeClock();
  final SchedulingQueue queue = new SchedulingQueue(clock, QueueOptions.DEFAULT);

  @Test
  void popsHigherPriorityFirstThenEarlierArrival() throws Exception {
    queue.add(Pods.pod("low").priority(0).build());
    clock.step(Duration.ofMillis(1));
    queue.add(Pods.pod("high-late").priority(100).build());
    clock.step(Duration.ofMillis(1));
    queue.add(Pods.pod("low-later").priority(0).build());
    queue.add(Pods.pod("high-later").priority(100).build());

    assertThat(name(queue.pop().orElseThrow())).isEqualTo("high-late");
    assertThat(name(queue.pop().orElseThrow())).isEqualTo("high-later");
    assertThat(name(queue.pop().orElseThrow())).isEqualTo("low");
    assertThat(name(queue.pop().orElseThrow())).isEqualTo("low-later");
  }

  @Test
  void aBoundPodMovesOnlyThePodsRejectedByPluginsThatCountBoundPods() throws Exception {
    queue.add(Pods.pod("affinity").build());
    queue.add(Pods.pod("cpu").build());
    QueuedPodInfo a = queue.pop().orElseThrow();
    QueuedPodInfo c = queue.pop().orElseThrow();
    long cycle = queue.schedulingCycle();
    queue.addUnschedulableIfNotPresent(a.withUnschedulablePlugins(java.util.Set.of("InterPodAffinity")), cycle, false);
    queue.addUnschedulableIfNotPresent(c.withUnschedulablePlugins(java.util.Set.of("NodeResourcesFit")), cycle, false);

    queue.movePodsRejectedBy(ClusterEvent.ASSIGNED_POD_ADD, java.util.Set.of("InterPodAffinity", "PodTopologySpread"));
    assertThat(queue.pendingPods()).isEqualTo(new SchedulingQueue.PendingPods(0, 1, 1));
  }

  @Test
  void backoffStartsAtOneSecondAndDoublesToTenSeconds() {
    assertThat(queue.backoffDuration(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(queue.backoffDuration(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(queue.backoffDuration(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(queue.backoffDuration(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(queue.backoffDuration(5)).isEqualTo(Duration.ofSeconds(10));
    assertThat(queue.backoffDuration(30)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void unschedulablePodStaysUntilAClusterEventThenWaitsOutItsBackoff() throws Exception {
    queue.add(Pods.pod("p").build());
    QueuedPodInfo p = queue.pop().orElseThrow();
    queue.addUnschedulableIfNotPresent(p, queue.schedulingCycle(), false);
    assertThat(queue.pendingPods()).isEqualTo(new SchedulingQueue.PendingPods(0, 0, 1));

    queue.moveAllToActiveOrBackoffQueue(ClusterEvent.NODE_ADD);
    // attempt 1 → 1 s backoff, not over yet
    assertThat(queue.pendingPods()).isEqualTo(new SchedulingQueue.PendingPods(0, 1, 0));
    clock.step(Duration.ofMillis(999));
    queue.flushBackoffQCompleted();
    assertThat(queue.pendingPods().active()).isZero();
    clock.step(Duration.ofMillis(1));
    queue.flushBackoffQCompleted();
    assertThat(queue.pendingPods()).isEqualTo(new SchedulingQueue.PendingPods(1, 0, 0));
    assertThat(queue.pop().orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void aMoveEventDuringTheCycleSendsTheFailedPodToBackoffNotUnschedulable() throws Exception {
    queue.add(Pods.pod("p").build());
    QueuedPodInfo p = queue.pop().orElseThrow();
    long cycle = queue.schedulingCycle();
    queue.moveAllToActiveOrBackoffQueue(ClusterEvent.NODE_ADD);   // e.g. a node arrived meanwhile
    queue.addUnschedulableIfNotPresent(p, cycle, false);
    assertThat(queue.pendingPods()).isEqualTo(new SchedulingQueue.PendingPods(0, 1, 0));
  }

  @Test
  void periodicFlushMovesPodsUnschedulableForLongerThanTheLimit() throws Exception {
    queue.add(Pods.pod("p").build());
    QueuedPodInfo p = queue.pop().orElseThrow();
    queue.addUnschedulableIfNotPresent(p, queue.schedulingCycle(), false);
    clock.step(Duration.ofSeconds(60));
    queue.flushUnschedulablePodsLeftover();
    assertThat(queue.pendingPods().unschedulable()).isEqualTo(1);
    clock.step(Duration.ofMillis(1));
    queue.flushUnschedulablePodsLeftover();
    assertThat(queue.pendingPods()).isEqualTo(new SchedulingQueue.PendingPods(1, 0, 0));
  }

  @Test
  void anErrorGoesToBackoffAndADeletedInFlightPodIsDropped() throws Exception {
    queue.add(Pods.pod("err").build());
    queue.add(Pods.pod("gone").build());
    QueuedPodInfo err = queue.pop().orElseThrow();
    queue.addUnschedulableIfNotPresent(err, queue.schedulingCycle(), true);
    QueuedPodInfo gone = queue.pop().orElseThrow();
    queue.delete(gone.pod());
    queue.addUnschedulableIfNotPresent(gone, queue.schedulingCycle(), false);
    assertThat(queue.pendingPods()).isEqualTo(new SchedulingQueue.PendingPods(0, 1, 0));
  }

  @Test
  void aSpecChangeMovesAnUnschedulablePodBack() throws Exception {
    Pod old = Pods.pod("p").build();
    queue.add(old);
    QueuedPodInfo p = queue.pop().orElseThrow();
    queue.addUnschedulableIfNotPresent(p, queue.schedulingCycle(), false);
    clock.step(Duration.ofSeconds(2));
    Pod changed = new io.fabric8.kubernetes.api.model.PodBuilder(old).editSpec().addToNodeSelector("a", "b").endSpec().build();
    queue.update(old, changed);
    assertThat(queue.pendingPods()).isEqualTo(new SchedulingQueue.PendingPods(1, 0, 0));
    assertThat(queue.pop().orElseThrow().pod().getSpec().getNodeSelector()).containsEntry("a", "b");
  }

  @Test
  void popReturnsEmptyOnceClosed() throws Exception {
    Thread closer = new Thread(queue::close);
    closer.start();
    assertThat(queue.pop()).isEmpty();
    closer.join();
  }

  private static String name(QueuedPodInfo info) {
    return info.pod().getMetadata().getName();
  }
}
