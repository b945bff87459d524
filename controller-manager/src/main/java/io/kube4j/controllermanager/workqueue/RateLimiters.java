package io.kube4j.controllermanager.workqueue;

import java.time.Duration;
import java.util.List;

/** The rate limiter controllers use unless they have a reason not to. */
public final class RateLimiters {

  /** First retry of a key: short enough that a conflict on update is retried almost at once. */
  public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(5);
  /** A key failing for good is still retried every ~17 minutes, in case the world changed. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(1000);
  /** Overall retries per second of one controller, so a mass failure cannot flood the apiserver. */
  public static final double DEFAULT_QPS = 10;
  /** Retries allowed at once before {@link #DEFAULT_QPS} applies. */
  public static final int DEFAULT_BURST = 100;

  private RateLimiters() {}

  /**
   * client-go's {@code workqueue.DefaultTypedControllerRateLimiter}: the larger of per-key exponential
   * backoff (5 ms doubling to 1000 s) and an overall token bucket (10 qps, burst 100).
   */
  public static <T> RateLimiter<T> defaultControllerRateLimiter() {
    return new MaxOfRateLimiter<>(List.of(
        new ItemExponentialFailureRateLimiter<>(DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY),
        new BucketRateLimiter<>(DEFAULT_QPS, DEFAULT_BURST)));
  }
}
