package io.kube4j.controllermanager.replicaset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlowStartBatchTest {

  final ExecutorService executor = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void callsInBatchesDoublingFromOne() {
    AtomicInteger calls = new AtomicInteger();
    SlowStartBatch.Result result = SlowStartBatch.run(10, 1, calls::incrementAndGet, executor);
    assertThat(result.successes()).isEqualTo(10);
    assertThat(result.error()).isEmpty();
    assertThat(calls.get()).isEqualTo(10);
  }

  /** Batches 1, 2, 4: the 6th call fails; the batch of 4 finishes, the last 3 calls are never made. */
  @Test
  void aFailedBatchEndsTheRun() {
    AtomicInteger calls = new AtomicInteger();
    SlowStartBatch.Result result = SlowStartBatch.run(10, 1, () -> {
      int n = calls.incrementAndGet();
      if (n == 6) {
        throw new IllegalStateException("exceeded quota");
      }
    }, executor);
    assertThat(calls.get()).isEqualTo(7);
    assertThat(result.successes()).isEqualTo(6);
    assertThat(result.error()).get().extracting(Throwable::getMessage).isEqualTo("exceeded quota");
  }

  @Test
  void nothingToDoMakesNoCall() {
    AtomicInteger calls = new AtomicInteger();
    assertThat(SlowStartBatch.run(0, 1, calls::incrementAndGet, executor).successes()).isZero();
    assertThat(calls.get()).isZero();
  }
}
