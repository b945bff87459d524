package io.kube4j.benchmark;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load generator: {@code clients} threads, each making its next call as soon as its last
 * one answered, until {@code operations} calls were made between them. Throughput is therefore what
 * the system sustains at that concurrency, and latency includes any queueing inside it.
 */
final class LoadRunner {

  /** One call; {@code index} is unique within a run (0 to operations - 1). A thrown exception is an error. */
  @FunctionalInterface
  interface Operation {
    void call(long index) throws Exception;
  }


  private LoadRunner() {}

  /** As {@link #run(String, int, long, Duration, Operation)} with no minimum duration. */
  static Measurement run(String name, int clients, long operations, Operation op) throws InterruptedException {
    return run(name, clients, operations, Duration.ZERO, op);
  }

  /**
   * Makes {@code operations} calls between {@code clients} threads, and keeps calling (with higher
   * indexes) until {@code atLeast} has passed too: a warm-up wants both enough calls and enough time.
   */
  static Measurement run(String name, int clients, long operations, Duration atLeast, Operation op)
      throws InterruptedException {
    long deadline = System.nanoTime() + atLeast.toNanos();
    AtomicLong next = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>("");
    // one histogram per client, merged after the run, so recording never contends
    Histogram[] histograms = new Histogram[clients];
    Thread[] threads = new Thread[clients];
    CountDownLatch start = new CountDownLatch(1);
    for (int c = 0; c < clients; c++) {
      Histogram h = new Histogram(3);
      histograms[c] = h;
      threads[c] = new Thread(() -> {
        awaitQuietly(start);
        for (long i = next.getAndIncrement(); i < operations || System.nanoTime() - deadline < 0;
            i = next.getAndIncrement()) {
          long t0 = System.nanoTime();
          try {
            op.call(i);
            h.recordValue(System.nanoTime() - t0);
          } catch (Exception e) {
            errors.incrementAndGet();
            firstError.compareAndSet("", String.valueOf(e));
            if (e instanceof InterruptedException) {
              Thread.currentThread().interrupt();
              break;
            }
          }
        }
        CpuAccount.clientThreadFinishing();
      }, "bench-client-" + c);
      threads[c].start();
    }
    long t0 = System.nanoTime();
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
    Histogram all = new Histogram(3);
    for (Histogram h : histograms) {
      all.add(h);
    }
    return new Measurement(name, clients, all.getTotalCount() + errors.get(), errors.get(), elapsed, all,
        firstError.get());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
