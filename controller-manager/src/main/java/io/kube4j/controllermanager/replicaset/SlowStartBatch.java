package io.kube4j.controllermanager.replicaset;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * {@code slowStartBatch}: calls {@code fn} {@code count} times in batches of 1, 2, 4, ... (capped by
 * what remains), the calls of a batch concurrently. A batch with a failure ends the run after the
 * whole batch has finished. This way a ReplicaSet of 500 replicas in a namespace whose quota allows
 * none sends one failing create, not 500 (and records one FailedCreate event, not 500).
 *
 * <p>Worked example: count 10, all succeed: batches of 1, 2, 4, 3. Count 10, the 2nd call of the
 * 3rd batch fails: batches of 1, 2, 4 run, 6 successes, 3 calls never made.
 */
final class SlowStartBatch {

  /** {@code SlowStartInitialBatchSize}. */
  static final int INITIAL_BATCH_SIZE = 1;

  /** How many calls succeeded, and the first failure of the last batch run, if any. */
  record Result(int successes, Optional<RuntimeException> error) {}

  private SlowStartBatch() {}

  static Result run(int count, int initialBatchSize, Runnable fn, Executor executor) {
    int remaining = count;
    int successes = 0;
    for (int batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
      List<CompletableFuture<Void>> calls = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        calls.add(CompletableFuture.runAsync(fn, executor));
      }
      RuntimeException first = null;
      for (CompletableFuture<Void> call : calls) {
        try {
          call.join();
          successes++;
        } catch (CompletionException e) {
          if (first == null) {
            first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
          }
        }
      }
      if (first != null) {
        return new Result(successes, Optional.of(first));
      }
      remaining -= batch;
    }
    return new Result(successes, Optional.empty());
  }
}
