package io.kube4j.controllermanager.workqueue;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One token bucket shared by every item, client-go's {@code TypedBucketRateLimiter}: it bounds the
 * overall retry rate of a controller, whatever the keys. Tokens refill at {@code qps} per second up
 * to {@code burst}; each {@link #when} takes one token now, even when the bucket is empty, and
 * returns how long until that token would have been there. This is the reservation semantics of
 * {@code golang.org/x/time/rate}'s {@code Limiter.Reserve().Delay()}: the bucket may go negative,
 * so callers that arrive together are spread out instead of all waiting for the same token.
 *
 * <p>Worked example with client-go's defaults (10 qps, burst 100): starting full, the first 100 calls
 * wait 0; the 101st leaves the bucket at -1 token and waits 1/10 s = 100 ms, the 102nd waits 200 ms.
 * One second later 10 tokens have come back (-2 + 10 = 8): 8 calls wait 0, the 9th waits 100 ms.
 */
public final class BucketRateLimiter<T> implements RateLimiter<T> {

  private static final double NANOS_PER_SECOND = 1e9;

  private final double qps;
  private final int burst;
  private final LongSupplier nanoTime;
  /** Guarded by {@code this}: tokens in the bucket at {@link #last}; negative when reserved ahead. */
  private double tokens;
  /** Guarded by {@code this}: the {@link #nanoTime} at which {@link #tokens} was computed. */
  private long last;

  /** A bucket on the system clock. */
  public BucketRateLimiter(double qps, int burst) {
    this(qps, burst, System::nanoTime);
  }

  /** @param nanoTime the time source, {@link System#nanoTime} except in tests */
  public BucketRateLimiter(double qps, int burst, LongSupplier nanoTime) {
    if (!(qps > 0) || burst < 1) {
      throw new IllegalArgumentException("need qps > 0 and burst >= 1, got " + qps + " and " + burst);
    }
    this.qps = qps;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.last = nanoTime.getAsLong();
  }

  @Override
  public synchronized Duration when(T item) {
    long now = nanoTime.getAsLong();
    long elapsed = Math.max(0, now - last);
    tokens = Math.min(burst, tokens + elapsed * qps / NANOS_PER_SECOND);
    last = now;
    tokens -= 1;
    if (tokens >= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) (-tokens * NANOS_PER_SECOND / qps));
  }

  /** The bucket is not per item: nothing to forget. */
  @Override
  public void forget(T item) {}

  /** The bucket does not count failures per item. */
  @Override
  public int numRequeues(T item) {
    return 0;
  }
}
