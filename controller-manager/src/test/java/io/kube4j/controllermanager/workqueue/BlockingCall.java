package io.kube4j.controllermanager.workqueue;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A call that may block (get, shutDownWithDrain) run on its own thread, so a test can see it wait. */
final class BlockingCall<V> {

  static final Duration DEADLINE = Duration.ofSeconds(10);

  private final CompletableFuture<V> result = new CompletableFuture<>();
  private final Thread thread;

  private BlockingCall(String name, Callable<V> call) {
    thread = new Thread(() -> {
      try {
        result.complete(call.call());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }

  static <V> BlockingCall<V> start(String name, Callable<V> call) {
    return new BlockingCall<>(name, call);
  }

  /** Waits until the call is parked inside the queue (not merely not yet started); fails if it returned. */
  BlockingCall<V> awaitBlocked() {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (thread.getState() != Thread.State.WAITING) {
      if (result.isDone()) {
        fail(thread.getName() + " returned instead of blocking: " + result.join());
      }
      if (System.nanoTime() - deadline > 0) {
        fail(thread.getName() + " did not block within " + DEADLINE + "; state " + thread.getState());
      }
      Thread.yield();
    }
    return this;
  }

  boolean returned() {
    return result.isDone();
  }

  /** The call's result, waiting for it up to {@link #DEADLINE}. */
  V result() throws Exception {
    return result.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }
}
