package io.kube4j.controllermanager.workqueue;

import static io.kube4j.controllermanager.workqueue.BlockingCall.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Time is a {@link FakeClock}: an item is due only once the test steps the clock past it, so the
 * order checked here does not depend on how fast the machine is. (The waiting loop still naps in
 * real time between looks, for the fake remaining delay, so these use delays of a few ms.)
 */
class DelayingQueueTest {

  private final FakeClock clock = new FakeClock();
  private final DelayingQueue<String> queue;

  DelayingQueueTest(TestInfo test) {
    queue = new DelayingQueue<>(test.getTestMethod().orElseThrow().getName(), clock);
  }

  @AfterEach
  void shutDown() {
    queue.shutDown();
  }

  @Test
  void handsItemsOutWhenTheyAreDueEarliestFirst() throws Exception {
    queue.addAfter("c", Duration.ofMillis(30));
    queue.addAfter("a", Duration.ofMillis(10));
    queue.addAfter("b", Duration.ofMillis(20));
    assertThat(queue.len()).as("nothing due at the start").isZero();

    clock.step(Duration.ofMillis(15));
    assertThat(getWithinDeadline()).contains("a");

    clock.step(Duration.ofMillis(20));
    assertThat(getWithinDeadline()).contains("b");
    assertThat(getWithinDeadline()).contains("c");
  }

  @Test
  void addingAWaitingItemAgainWithAnEarlierTimeMovesItEarlier() throws Exception {
    queue.addAfter("k", Duration.ofHours(1));
    queue.addAfter("k", Duration.ofMillis(10));

    clock.step(Duration.ofMillis(10));
    assertThat(getWithinDeadline()).contains("k");
  }

  @Test
  void addingAWaitingItemAgainWithALaterTimeKeepsTheEarlierOne() throws Exception {
    queue.addAfter("k", Duration.ofMillis(10));
    queue.addAfter("k", Duration.ofHours(1));
    queue.addAfter("probe", Duration.ofMillis(20));

    clock.step(Duration.ofMillis(20));
    assertThat(getWithinDeadline()).as("k, due at 10 ms, before probe at 20 ms").contains("k");
    assertThat(getWithinDeadline()).contains("probe");
  }

  @Test
  void addsAtOnceWithoutADelay() {
    queue.addAfter("now", Duration.ZERO);
    queue.addAfter("past", Duration.ofMillis(-1));

    assertThat(queue.len()).isEqualTo(2);
  }

  @Test
  void shutDownStopsTheWaitingLoopThread() throws Exception {
    queue.addAfter("k", Duration.ofHours(1));
    Thread loop = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("workqueue-" + queue.name() + "-waiting"))
        .findFirst().orElseThrow();
    assertThat(loop.isDaemon()).isTrue();

    queue.shutDown();
    loop.join(DEADLINE.toMillis());

    assertThat(loop.isAlive()).isFalse();
    queue.addAfter("late", Duration.ZERO);
    assertThat(queue.len()).isZero();
  }

  private Optional<String> getWithinDeadline() throws Exception {
    return BlockingCall.start("worker", queue::get).result();
  }
}
