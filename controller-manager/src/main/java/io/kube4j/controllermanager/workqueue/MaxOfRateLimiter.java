package io.kube4j.controllermanager.workqueue;

import java.time.Duration;
import java.util.List;

/**
 * The strictest of several limiters, client-go's {@code TypedMaxOfRateLimiter}: the delay is the
 * longest any of them asks for. Every limiter is asked on each {@link #when}, so each one counts the
 * failure (the exponential limiter's count grows, the bucket loses a token) even when it does not win.
 */
public final class MaxOfRateLimiter<T> implements RateLimiter<T> {

  private final List<RateLimiter<T>> limiters;

  public MaxOfRateLimiter(List<RateLimiter<T>> limiters) {
    if (limiters.isEmpty()) {
      throw new IllegalArgumentException("need at least one rate limiter");
    }
    this.limiters = List.copyOf(limiters);
  }

  @Override
  public Duration when(T item) {
    Duration longest = Duration.ZERO;
    for (RateLimiter<T> limiter : limiters) {
      Duration delay = limiter.when(item);
      if (delay.compareTo(longest) > 0) {
        longest = delay;
      }
    }
    return longest;
  }

  @Override
  public void forget(T item) {
    limiters.forEach(limiter -> limiter.forget(item));
  }

  @Override
  public int numRequeues(T item) {
    int most = 0;
    for (RateLimiter<T> limiter : limiters) {
      most = Math.max(most, limiter.numRequeues(item));
    }
    return most;
  }
}
