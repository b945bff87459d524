package io.kube4j.benchmark.controllers;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits until the cluster shows a state, polling every 100 ms, and says when it first did. */
final class Converge {

  private Converge() {}

  /** Nanos (System.nanoTime) at which {@code done} first held; throws after {@code timeout}. */
  static long await(String what, Duration timeout, BooleanSupplier done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not converged within " + timeout + ": " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    return System.nanoTime();
  }
}
