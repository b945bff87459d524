package io.kube4j.controllermanager.workqueue;

import java.time.Duration;

/**
 * Decides how long a key waits before it is retried: client-go's {@code workqueue.TypedRateLimiter}.
 * A controller calls {@link RateLimitingQueue#addRateLimited} when reconciling a key failed, and
 * {@link RateLimitingQueue#forget} when it succeeded, so the next failure starts from a short delay.
 */
public interface RateLimiter<T> {

  /** How long {@code item} should wait now; counts as one more failure of it. */
  Duration when(T item);

  /** Stops tracking {@code item}: its failure count goes back to zero (it is not removed from any queue). */
  void forget(T item);

  /** How many failures of {@code item} are being counted. */
  int numRequeues(T item);
}
