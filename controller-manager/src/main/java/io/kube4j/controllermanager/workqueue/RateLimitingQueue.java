package io.kube4j.controllermanager.workqueue;

import java.util.function.LongSupplier;

/**
 * The queue a controller uses, client-go's {@code RateLimitingInterface} ({@code rate_limiting_queue.go}):
 * a {@link DelayingQueue} whose retries wait as long as a {@link RateLimiter} says. A worker's loop,
 * as in sample-controller's {@code processNextWorkItem}:
 *
 * <pre>{@code
 * Optional<String> key = queue.get();          // empty: shut down, the worker exits
 * try {
 *   reconcile(key.get());
 *   queue.forget(key.get());                   // success: the next failure starts at the base delay
 * } catch (Exception e) {
 *   queue.addRateLimited(key.get());           // failure: back after the limiter's delay
 * } finally {
 *   queue.done(key.get());                     // always: lets another worker take the key again
 * }
 * }</pre>
 */
public final class RateLimitingQueue<T> extends DelayingQueue<T> {

  private final RateLimiter<T> rateLimiter;

  /** A queue on the system clock, usually with {@link RateLimiters#defaultControllerRateLimiter()}. */
  public RateLimitingQueue(String name, RateLimiter<T> rateLimiter) {
    this(name, rateLimiter, System::nanoTime);
  }

  /** @param nanoTime the time source for delays and metrics, fake in tests */
  public RateLimitingQueue(String name, RateLimiter<T> rateLimiter, LongSupplier nanoTime) {
    super(name, nanoTime);
    this.rateLimiter = rateLimiter;
  }

  /**
   * Adds {@code item} after the delay the rate limiter gives, which counts one more failure of it.
   * Counted in the metrics' retries (client-go counts every {@code AddAfter} there).
   */
  public void addRateLimited(T item) {
    metrics().retry();
    addAfter(item, rateLimiter.when(item));
  }

  /** Tells the rate limiter {@code item} succeeded: its backoff starts over. It stays queued if it is. */
  public void forget(T item) {
    rateLimiter.forget(item);
  }

  /** How many times in a row {@code item} has been retried, for a controller that gives up after n. */
  public int numRequeues(T item) {
    return rateLimiter.numRequeues(item);
  }
}
