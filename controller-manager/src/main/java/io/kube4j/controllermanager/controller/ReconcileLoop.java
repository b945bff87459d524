package io.kube4j.controllermanager.controller;

import io.kube4j.controllermanager.workqueue.QueueMetrics;
import io.kube4j.controllermanager.workqueue.RateLimiters;
import io.kube4j.controllermanager.workqueue.RateLimitingQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller's workqueue and its workers ({@code processNextWorkItem} upstream): take a key, reconcile
 * it, forget its failures on success, re-add it rate-limited on failure, and always mark it done so
 * that a key added meanwhile is processed again.
 */
public final class ReconcileLoop implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReconcileLoop.class);

  private final String name;
  private final RateLimitingQueue<String> queue;
  private final Reconciler reconciler;
  private final List<Thread> workers = new ArrayList<>();
  private java.util.concurrent.CompletableFuture<?> ready = java.util.concurrent.CompletableFuture.completedFuture(null);

  public ReconcileLoop(String name, Reconciler reconciler) {
    this(name, new RateLimitingQueue<>(name, RateLimiters.defaultControllerRateLimiter()), reconciler);
  }

  public ReconcileLoop(String name, RateLimitingQueue<String> queue, Reconciler reconciler) {
    this.name = name;
    this.queue = queue;
    this.reconciler = reconciler;
  }

  /** Workers wait for {@code gate} (the informers' sync) before they take their first key. */
  public ReconcileLoop after(java.util.concurrent.CompletableFuture<?> gate) {
    this.ready = gate;
    return this;
  }

  /** Queues {@code key} for reconciliation; a key already waiting is not queued twice. */
  public void enqueue(String key) {
    queue.add(key);
  }

  public RateLimitingQueue<String> queue() {
    return queue;
  }

  public QueueMetrics metrics() {
    return queue.metrics();
  }

  /** Starts {@code count} worker threads. */
  public ReconcileLoop start(int count) {
    for (int i = 0; i < count; i++) {
      Thread t = new Thread(this::work, name + "-worker-" + i);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    return this;
  }

  private void work() {
    try {
      ready.get();
      while (true) {
        Optional<String> next = queue.get();
        if (next.isEmpty()) {
          return;
        }
        process(next.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      LOG.error("{}: the informers never synced: {}", name, e.getCause().toString());
    }
  }

  private void process(String key) {
    try {
      reconciler.reconcile(key);
      queue.forget(key);
    } catch (Exception e) {
      LOG.warn("{}: reconciling {} failed (retry {}): {}", name, key, queue.numRequeues(key) + 1, e.toString());
      queue.addRateLimited(key);
    } finally {
      queue.done(key);
    }
  }

  @Override
  public void close() {
    queue.shutDown();
    for (Thread t : workers) {
      t.interrupt();
    }
  }
}
