package io.kube4j.benchmark.controllers;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Runs {@code count} API writes on {@code writers} threads and says how long they took. */
final class ParallelWriter implements AutoCloseable {

  private final ExecutorService pool;
  private final int writers;

  ParallelWriter(int writers) {
    this.writers = writers;
    this.pool = Executors.newFixedThreadPool(writers);
  }

  /** Calls {@code write.accept(i)} for i in [0, count), spread over the writers; waits for all. */
  Duration run(int count, IntConsumer write) throws Exception {
    long start = System.nanoTime();
    List<Future<?>> parts = new java.util.ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int first = w;
      parts.add(pool.submit(() -> {
        for (int i = first; i < count; i += writers) {
          write.accept(i);
        }
      }));
    }
    for (Future<?> f : parts) {
      f.get();
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
