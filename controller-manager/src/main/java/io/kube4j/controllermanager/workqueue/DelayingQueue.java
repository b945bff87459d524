package io.kube4j.controllermanager.workqueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A {@link WorkQueue} that can also take an item "in a while", client-go's {@code DelayingInterface}
 * ({@code delaying_queue.go}). Controllers use it to retry after a backoff or to look at an object
 * again when something is due (a lease expiring, a Job's deadline).
 *
 * <p>Waiting items are held apart from the work queue, earliest first, and one daemon thread (the
 * "waiting loop", upstream's {@code waitingLoop}) moves each into the work queue with {@link #add}
 * when its time comes. An item waits at most once: adding it again with an earlier time moves it
 * earlier, a later time is ignored. While waiting it may also be in the work queue; {@link #add}
 * merges the two when it comes due.
 *
 * <p>Locking: {@link #lock} guards the waiting items only and is never held while calling into the
 * work queue (the waiting loop lets go of it before {@link #add}), so it never nests with the work
 * queue's lock.
 */
public class DelayingQueue<T> extends WorkQueue<T> {

  /** Insurance against a missed wake-up, as upstream's {@code maxWait}: the loop looks at least this often. */
  private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);
  /** About 73 years: longer delays are cut to this so that {@code now + delay} cannot overflow. */
  private static final long LONGEST_DELAY_NANOS = Long.MAX_VALUE / 4;

  /** Earliest first; same time in the order added. Times are compared by difference, as nanoTime requires. */
  private static final Comparator<Waiting<?>> EARLIEST_FIRST = (a, b) -> {
    int byTime = Long.signum(a.readyAt() - b.readyAt());
    return byTime != 0 ? byTime : Long.compare(a.sequence(), b.sequence());
  };

  private final LongSupplier nanoTime;
  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled when the earliest waiting item changes or the queue shuts down. */
  private final Condition changed = lock.newCondition();
  /** Guarded by lock: the waiting items, earliest first (upstream's {@code waitForPriorityQueue}). */
  private final NavigableSet<Waiting<T>> waiting = new TreeSet<>(EARLIEST_FIRST);
  /** Guarded by lock: each waiting item's entry, so that a re-add finds it (upstream's {@code knownEntries}). */
  private final Map<T, Waiting<T>> waitingByItem = new HashMap<>();
  /** Guarded by lock. */
  private long nextSequence;
  /** Guarded by lock: set once by {@link #shutDown}; the waiting loop then exits. */
  private boolean stopped;

  /** An item and when it is due, on {@link #nanoTime}'s scale. */
  private record Waiting<T>(T item, long readyAt, long sequence) {}

  /** A queue on the system clock. */
  public DelayingQueue(String name) {
    this(name, System::nanoTime);
  }

  /**
   * Starts the waiting loop thread, as upstream's constructor starts its goroutine; it touches only
   * fields set above the {@code start()} call.
   *
   * @param nanoTime the time source deciding when an item is due, fake in tests
   */
  public DelayingQueue(String name, LongSupplier nanoTime) {
    super(name, nanoTime);
    this.nanoTime = nanoTime;
    // a daemon: a queue nobody shut down must not keep the JVM alive
    Thread loop = new Thread(this::runWaitingLoop, "workqueue-" + name + "-waiting");
    loop.setDaemon(true);
    loop.start();
  }

  /**
   * Adds {@code item} once {@code delay} has passed; at once if it is zero or negative. Ignored once
   * the queue is shutting down.
   */
  public void addAfter(T item, Duration delay) {
    if (isShuttingDown()) {
      return;
    }
    if (delay.isZero() || delay.isNegative()) {
      add(item);
      return;
    }
    long delayNanos = delay.compareTo(Duration.ofNanos(LONGEST_DELAY_NANOS)) > 0
        ? LONGEST_DELAY_NANOS : delay.toNanos();
    long readyAt = nanoTime.getAsLong() + delayNanos;
    lock.lock();
    try {
      if (stopped) {
        return;
      }
      Waiting<T> known = waitingByItem.get(item);
      if (known != null) {
        if (known.readyAt() - readyAt <= 0) {
          return; // already due as soon or sooner
        }
        waiting.remove(known);
      }
      Waiting<T> entry = new Waiting<>(item, readyAt, nextSequence++);
      waiting.add(entry);
      waitingByItem.put(item, entry);
      if (waiting.first() == entry) {
        changed.signal(); // the loop sleeps until the earliest time, which just moved earlier
      }
    } finally {
      lock.unlock();
    }
  }

  /** Shuts the work queue down and stops the waiting loop; items still waiting are dropped. */
  @Override
  public void shutDown() {
    super.shutDown();
    lock.lock();
    try {
      stopped = true;
      waiting.clear();
      waitingByItem.clear();
      changed.signal();
    } finally {
      lock.unlock();
    }
  }

  private void runWaitingLoop() {
    try {
      while (true) {
        List<T> due;
        lock.lock();
        try {
          due = awaitDue();
        } finally {
          lock.unlock();
        }
        if (due.isEmpty()) {
          return; // stopped
        }
        due.forEach(this::add); // outside our lock: add takes the work queue's lock
      }
    } catch (InterruptedException e) {
      // nobody else holds this thread; an interrupt can only mean the JVM is going away
    }
  }

  /** With {@link #lock} held: waits until an item is due and takes every due one, earliest first; empty once stopped. */
  private List<T> awaitDue() throws InterruptedException {
    while (!stopped) {
      long now = nanoTime.getAsLong();
      List<T> due = new ArrayList<>();
      while (!waiting.isEmpty() && waiting.first().readyAt() - now <= 0) {
        Waiting<T> next = waiting.pollFirst();
        waitingByItem.remove(next.item());
        due.add(next.item());
      }
      if (!due.isEmpty()) {
        return due;
      }
      long untilFirst = waiting.isEmpty() ? MAX_WAIT_NANOS : waiting.first().readyAt() - now;
      changed.awaitNanos(Math.min(untilFirst, MAX_WAIT_NANOS));
    }
    return List.of();
  }
}
