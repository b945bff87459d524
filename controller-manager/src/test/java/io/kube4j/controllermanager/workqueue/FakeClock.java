package io.kube4j.controllermanager.workqueue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanoTime that moves only when the test steps it, as client-go's {@code testingclock.FakeClock}. */
final class FakeClock implements LongSupplier {

  /** Not zero: like System.nanoTime, the origin is arbitrary and nothing may rely on it. */
  private final AtomicLong now = new AtomicLong(-5_000_000_000L);

  @Override
  public long getAsLong() {
    return now.get();
  }

  void step(Duration by) {
    now.addAndGet(by.toNanos());
  }
}
