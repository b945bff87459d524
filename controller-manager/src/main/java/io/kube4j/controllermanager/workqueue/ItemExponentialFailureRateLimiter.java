package io.kube4j.controllermanager.workqueue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-item exponential backoff, client-go's {@code TypedItemExponentialFailureRateLimiter}: the n-th
 * failure in a row (counting from 0) waits {@code baseDelay * 2^n}, never more than {@code maxDelay}.
 *
 * <p>Worked example with client-go's controller defaults (5 ms, 1000 s): 5 ms, 10 ms, 20 ms, 40 ms, …;
 * the 18th failure waits 5 ms * 2^17 = 655.36 s; the 19th would be 1310.72 s and is capped at 1000 s,
 * as is every later one until {@link #forget}.
 */
public final class ItemExponentialFailureRateLimiter<T> implements RateLimiter<T> {

  private final long baseNanos;
  private final long maxNanos;
  private final Duration maxDelay;
  /** Guarded by {@code this}: failures in a row per item; an item is absent once forgotten. */
  private final Map<T, Integer> failures = new HashMap<>();

  public ItemExponentialFailureRateLimiter(Duration baseDelay, Duration maxDelay) {
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay, got " + baseDelay + " and " + maxDelay);
    }
    this.baseNanos = baseDelay.toNanos();
    this.maxNanos = maxDelay.toNanos();
    this.maxDelay = maxDelay;
  }

  @Override
  public synchronized Duration when(T item) {
    int exp = failures.merge(item, 1, Integer::sum) - 1;
    // computed in double so that 2^exp cannot overflow a long, as upstream does with math.Pow
    double backoff = baseNanos * Math.pow(2, exp);
    if (backoff >= maxNanos) {
      return maxDelay;
    }
    return Duration.ofNanos((long) backoff);
  }

  @Override
  public synchronized void forget(T item) {
    failures.remove(item);
  }

  @Override
  public synchronized int numRequeues(T item) {
    return failures.getOrDefault(item, 0);
  }
}
