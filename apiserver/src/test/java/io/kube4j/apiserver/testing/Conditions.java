package io.kube4j.apiserver.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting on a condition with a deadline and a growing poll interval: never a bare sleep. */
public final class Conditions {

  private Conditions() {}

  /** Polls {@code condition} (1 ms, doubling to 100 ms) until true; fails after {@code timeout}. */
  public static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 1;
    Object monitor = new Object();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      synchronized (monitor) {
        try {
          monitor.wait(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted waiting for " + what);
        }
      }
      pause = Math.min(pause * 2, 100);
    }
  }
}
