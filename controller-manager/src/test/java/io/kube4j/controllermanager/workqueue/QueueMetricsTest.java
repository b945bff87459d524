package io.kube4j.controllermanager.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueueMetricsTest {

  private final FakeClock clock = new FakeClock();
  private final WorkQueue<String> queue = new WorkQueue<>("test", clock);

  @AfterEach
  void shutDown() {
    queue.shutDown();
  }

  @Test
  void startsAtZero() {
    assertThat(queue.metrics().snapshot())
        .isEqualTo(new QueueMetrics.Snapshot("test", 0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void countsAddsButNotMergedDuplicates() throws Exception {
    queue.add("a");
    queue.add("b");
    queue.add("a");
    assertThat(queue.metrics().snapshot().adds()).isEqualTo(2);
    assertThat(queue.metrics().snapshot().depth()).isEqualTo(2);

    queue.get();
    assertThat(queue.metrics().snapshot().depth()).isEqualTo(1);

    queue.add("a"); // being processed: dirty again, so counted, as upstream's depth counts it
    assertThat(queue.metrics().snapshot().adds()).isEqualTo(3);
    assertThat(queue.metrics().snapshot().depth()).isEqualTo(2);
  }

  @Test
  void recordsQueueLatencyFromAddToGetAndWorkDurationFromGetToDone() throws Exception {
    queue.add("a");
    queue.add("b");
    clock.step(Duration.ofMillis(2));
    String a = queue.get().orElseThrow(); // waited 2 ms
    clock.step(Duration.ofMillis(3));
    queue.done(a); // worked 3 ms
    String b = queue.get().orElseThrow(); // waited 5 ms
    clock.step(Duration.ofMillis(7));
    queue.done(b); // worked 7 ms

    QueueMetrics.Snapshot snapshot = queue.metrics().snapshot();
    assertThat(snapshot.queueLatencyP50Micros()).isCloseTo(2_000, withinPercentage(1));
    assertThat(snapshot.queueLatencyP99Micros()).isCloseTo(5_000, withinPercentage(1));
    assertThat(snapshot.workDurationP50Micros()).isCloseTo(3_000, withinPercentage(1));
    assertThat(snapshot.workDurationP99Micros()).isCloseTo(7_000, withinPercentage(1));
    assertThat(snapshot.depth()).isZero();
  }

  @Test
  void keepsEarlierSamplesAcrossSnapshots() throws Exception {
    queue.add("a");
    clock.step(Duration.ofMillis(4));
    queue.done(queue.get().orElseThrow());
    queue.metrics().snapshot();

    assertThat(queue.metrics().snapshot().queueLatencyP50Micros()).isCloseTo(4_000, withinPercentage(1));
  }
}
