package io.kube4j.controllermanager.workqueue;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A FIFO of keys for a controller's workers, client-go's {@code workqueue.Typed} ({@code queue.go}).
 * It is not a plain queue; three promises make the controller pattern work:
 *
 * <ul>
 *   <li>Merging: a key added again while it waits is queued once. Ten changes to one object before a
 *       worker gets to it mean one reconcile, which reads the latest state anyway.
 *   <li>One worker per key: a key added while a worker processes it is only marked dirty, and queued
 *       again when that worker calls {@link #done}. Two workers never reconcile one object at once.
 *   <li>Nothing lost: that re-add is not dropped, so a change that arrives mid-reconcile is seen.
 * </ul>
 *
 * <p>A worker's loop: {@code get()}, reconcile the key, {@code done(key)}, always, in a finally.
 * Keys are compared with {@code equals}; use immutable values such as {@code "namespace/name"}.
 *
 * <p>Open for extension by {@link DelayingQueue}, as client-go's interfaces embed one another.
 */
public class WorkQueue<T> {

  private final String name;
  private final QueueMetrics metrics;

  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled when {@link #queue} gains an item or the queue shuts down. */
  private final Condition itemAvailable = lock.newCondition();
  /** Signalled when {@link #processing} becomes empty, for {@link #shutDownWithDrain}. */
  private final Condition processingDrained = lock.newCondition();

  // Guarded by lock. Invariants, as upstream states them:
  //   every item of queue is in dirty and not in processing (so it is queued at most once);
  //   an item in dirty and processing goes into queue when done() is called for it.
  /** The order in which items are handed out. */
  private final Queue<T> queue = new ArrayDeque<>();
  /** Every item that needs processing: the queued ones and those re-added while being processed. */
  private final Set<T> dirty = new HashSet<>();
  /** Items handed to a worker by get() and not yet done(). */
  private final Set<T> processing = new HashSet<>();
  private boolean shuttingDown;

  /** A queue on the system clock; {@code name} labels its metrics (and threads, in subclasses). */
  public WorkQueue(String name) {
    this(name, System::nanoTime);
  }

  /** @param nanoTime the time source for metrics (and delays, in subclasses), fake in tests */
  public WorkQueue(String name, LongSupplier nanoTime) {
    this.name = name;
    this.metrics = new QueueMetrics(name, nanoTime);
  }

  public String name() {
    return name;
  }

  public QueueMetrics metrics() {
    return metrics;
  }

  /** Marks {@code item} as needing processing; ignored once the queue is shutting down. */
  public void add(T item) {
    lock.lock();
    try {
      if (shuttingDown || dirty.contains(item)) {
        return; // already waiting (or waiting for done()): merged into that one
      }
      metrics.add(item);
      dirty.add(item);
      if (processing.contains(item)) {
        return; // a worker has it: done() queues it again, so no second worker gets it now
      }
      queue.add(item);
      itemAvailable.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Blocks until an item is available and hands it to the caller, who must call {@link #done} for
   * it. Items still queued are handed out after shutdown too; empty only once shut down and empty.
   *
   * @throws InterruptedException if the worker's thread is interrupted while waiting
   */
  public Optional<T> get() throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty() && !shuttingDown) {
        itemAvailable.await();
      }
      if (queue.isEmpty()) {
        return Optional.empty(); // shutting down and nothing left: the worker should exit
      }
      T item = queue.remove();
      metrics.get(item);
      processing.add(item);
      dirty.remove(item);
      return Optional.of(item);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends the processing of {@code item}; if it was added again meanwhile, it is queued now.
   *
   * @throws IllegalStateException if {@code item} was not handed out by {@link #get} (calling done
   *     twice would otherwise queue a key twice)
   */
  public void done(T item) {
    lock.lock();
    try {
      if (!processing.remove(item)) {
        throw new IllegalStateException("done(" + item + ") for an item not being processed");
      }
      metrics.done(item);
      if (dirty.contains(item)) {
        queue.add(item);
        itemAvailable.signal();
      }
      if (processing.isEmpty()) {
        processingDrained.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Items waiting to be handed out; not those being processed. */
  public int len() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops accepting items and wakes every waiting {@link #get}; queued items are still handed out,
   * then {@code get} returns empty. Does not wait for workers.
   */
  public void shutDown() {
    lock.lock();
    try {
      shuttingDown = true;
      itemAvailable.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@link #shutDown}, then waits until no item is being processed, so that a controller can stop
   * without abandoning a reconcile halfway. A worker that never calls done makes this wait forever.
   */
  public void shutDownWithDrain() throws InterruptedException {
    shutDown(); // outside the lock: a subclass's shutDown takes its own lock
    lock.lock();
    try {
      while (!processing.isEmpty()) {
        processingDrained.await();
      }
    } finally {
      lock.unlock();
    }
  }

  public boolean isShuttingDown() {
    lock.lock();
    try {
      return shuttingDown;
    } finally {
      lock.unlock();
    }
  }
}
