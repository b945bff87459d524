package io.kube4j.controllermanager.workqueue;

import static io.kube4j.controllermanager.workqueue.BlockingCall.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  private final WorkQueue<String> queue = new WorkQueue<>("test");

  @AfterEach
  void shutDown() {
    queue.shutDown(); // releases any BlockingCall still in get()
  }

  @Test
  void mergesAKeyAddedAgainBeforeAWorkerGetsIt() throws Exception {
    queue.add("default/web");
    queue.add("default/db");
    queue.add("default/web");

    assertThat(queue.len()).isEqualTo(2);
    assertThat(queue.get()).contains("default/web");
    assertThat(queue.get()).contains("default/db");
    assertThat(queue.len()).isZero();
  }

  @Test
  void aKeyAddedWhileBeingProcessedIsQueuedAgainOnlyAtDone() throws Exception {
    queue.add("k");
    String k = queue.get().orElseThrow();

    queue.add("k");
    queue.add("k");
    assertThat(queue.len()).as("dirty, but not queued while a worker has it").isZero();

    queue.done(k);
    assertThat(queue.len()).as("queued once, not twice").isEqualTo(1);
    assertThat(queue.get()).contains("k");
    queue.done("k");
    assertThat(queue.len()).isZero();
  }

  @Test
  void aKeyBeingProcessedIsNotHandedToASecondWorker() throws Exception {
    queue.add("k");
    String first = queue.get().orElseThrow();
    queue.add("k");

    BlockingCall<Optional<String>> second = BlockingCall.start("second-worker", queue::get).awaitBlocked();
    queue.add("other");
    assertThat(second.result()).as("k was added first, yet the second worker must not get it").contains("other");

    BlockingCall<Optional<String>> third = BlockingCall.start("third-worker", queue::get).awaitBlocked();
    queue.done(first);
    assertThat(third.result()).contains("k");
  }

  @Test
  void neverHandsOneKeyToTwoWorkersAtOnce() throws Exception {
    int workers = 8;
    Map<String, AtomicInteger> inFlight = Map.of("a", new AtomicInteger(), "b", new AtomicInteger(), "c", new AtomicInteger());
    AtomicInteger overlaps = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch rounds = new CountDownLatch(3_000);
    CountDownLatch exited = new CountDownLatch(workers);
    for (int w = 0; w < workers; w++) {
      Thread worker = new Thread(() -> {
        try {
          start.await();
          for (Optional<String> key = queue.get(); key.isPresent(); key = queue.get()) {
            if (inFlight.get(key.get()).incrementAndGet() > 1) {
              overlaps.incrementAndGet();
            }
            queue.add(key.get()); // the object changed mid-reconcile, as an informer would report
            for (int i = 0; i < 5; i++) {
              Thread.yield(); // a waiting worker gets to run, and would take the key if it were queued
            }
            inFlight.get(key.get()).decrementAndGet();
            queue.done(key.get());
            rounds.countDown();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          exited.countDown();
        }
      }, "worker-" + w);
      worker.setDaemon(true);
      worker.start();
    }

    queue.add("a");
    queue.add("b");
    queue.add("c");
    start.countDown();
    // every round re-adds its key, so the three keys keep cycling until the queue shuts down
    assertThat(rounds.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).as("3000 rounds done").isTrue();
    queue.shutDownWithDrain();

    assertThat(exited.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).as("workers exited").isTrue();
    assertThat(overlaps).hasValue(0);
    assertThat(queue.len()).isZero();
  }

  @Test
  void shutDownWakesAWorkerWaitingInGet() throws Exception {
    BlockingCall<Optional<String>> worker = BlockingCall.start("worker", queue::get).awaitBlocked();

    queue.shutDown();

    assertThat(worker.result()).isEmpty();
    assertThat(queue.isShuttingDown()).isTrue();
  }

  @Test
  void handsOutWhatWasQueuedBeforeShutDownAndIgnoresLaterAdds() throws Exception {
    queue.add("before");
    queue.shutDown();
    queue.add("after");

    assertThat(queue.get()).contains("before");
    assertThat(queue.get()).isEmpty();
  }

  @Test
  void shutDownWithDrainWaitsForTheItemsBeingProcessed() throws Exception {
    queue.add("k");
    String k = queue.get().orElseThrow();

    BlockingCall<Boolean> drain = BlockingCall.start("drain", () -> {
      queue.shutDownWithDrain();
      return true;
    }).awaitBlocked();
    assertThat(queue.isShuttingDown()).isTrue();
    assertThat(drain.returned()).isFalse();

    queue.done(k);
    assertThat(drain.result()).isTrue();
  }

  @Test
  void rejectsDoneForAnItemThatWasNotHandedOut() {
    queue.add("k");

    assertThatThrownBy(() -> queue.done("k")).isInstanceOf(IllegalStateException.class);
    assertThat(queue.len()).as("still queued once").isEqualTo(1);
  }
}
