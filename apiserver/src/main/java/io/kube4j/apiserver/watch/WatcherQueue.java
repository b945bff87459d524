package io.kube4j.apiserver.watch;

import io.kube4j.apiserver.api.StatusException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * One client watch inside the cache ({@code cacheWatcher} upstream): a queue of events that a shared
 * executor drains into the {@link Watcher}, one drain at a time, so events reach the client in the
 * order the cache enqueued them while the cache's lock is never held during network writes.
 *
 * <p>The cache enqueues under its own lock; this class guards its queue with {@code this}.
 */
final class WatcherQueue {

  /** A watcher this far behind is closed; the client relists and re-watches. */
  static final int MAX_BACKLOG = 100_000;

  private final Watcher watcher;
  private final SelectionPredicate predicate;
  private final Executor executor;

  /** Guarded by {@code this}: events not yet handed to the watcher. */
  private final ArrayDeque<Object> pending = new ArrayDeque<>();
  /** Guarded by {@code this}: a drain task is scheduled or running. */
  private boolean draining;
  /** Guarded by {@code this}: closed; nothing more is delivered. */
  private boolean closed;
  /** The last revision handed to the watcher; only touched by the drain task. */
  private long lastDelivered;

  WatcherQueue(Watcher watcher, SelectionPredicate predicate, Executor executor, long startRevision) {
    this.watcher = watcher;
    this.predicate = predicate;
    this.executor = executor;
    this.lastDelivered = startRevision;
  }

  Watcher watcher() {
    return watcher;
  }

  /** Queues an already-filtered event (initial ADDED events, bookmarks). */
  void enqueueRaw(WatchEvent event) {
    offer(event);
  }

  /** Queues a change; the drain decides what this watcher's selector makes of it. */
  void enqueue(WatchEvent event) {
    offer(event);
  }

  /** Queues the end of the watch: the watcher is told why and nothing follows. */
  void enqueueClose(StatusException why) {
    offer(why);
  }

  boolean isClosed() {
    synchronized (this) {
      return closed;
    }
  }

  /** Stops delivery at once (the client went away). */
  void close() {
    synchronized (this) {
      closed = true;
      pending.clear();
    }
  }

  private void offer(Object item) {
    boolean schedule;
    synchronized (this) {
      if (closed) {
        return;
      }
      if (pending.size() >= MAX_BACKLOG && !(item instanceof StatusException)) {
        pending.clear();
        pending.add(StatusException.timeout("watcher fell too far behind; re-list and watch again"));
      } else {
        pending.add(item);
      }
      schedule = !draining;
      draining = true;
    }
    if (schedule) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    while (true) {
      Object next;
      synchronized (this) {
        next = pending.poll();
        if (next == null || closed) {
          draining = false;
          return;
        }
      }
      if (next instanceof StatusException why) {
        close();
        watcher.onClose(why);
        return;
      }
      deliver((WatchEvent) next);
    }
  }

  private void deliver(WatchEvent event) {
    if (event.type() == WatchEvent.Type.BOOKMARK) {
      if (event.resourceVersion() >= lastDelivered) {
        lastDelivered = event.resourceVersion();
        watcher.onEvent(event);
      }
      return;
    }
    Optional<WatchEvent> filtered = filter(event);
    lastDelivered = Math.max(lastDelivered, event.resourceVersion());
    filtered.ifPresent(watcher::onEvent);
  }

  /**
   * A selector watch sees an object enter (ADDED) or leave (DELETED) its selection, as upstream's
   * {@code cacheWatcher.convertToWatchEvent} does.
   */
  private Optional<WatchEvent> filter(WatchEvent e) {
    boolean now = predicate.matches(e.object());
    boolean before = e.previous().map(predicate::matches).orElse(false);
    return switch (e.type()) {
      case ADDED -> now ? Optional.of(e) : Optional.empty();
      case DELETED -> before || now
          ? Optional.of(new WatchEvent(WatchEvent.Type.DELETED, e.object(), e.previous(), e.resourceVersion()))
          : Optional.empty();
      case MODIFIED -> {
        if (now && before) {
          yield Optional.of(e);
        } else if (now) {
          yield Optional.of(new WatchEvent(WatchEvent.Type.ADDED, e.object(), e.previous(), e.resourceVersion()));
        } else if (before) {
          yield Optional.of(new WatchEvent(WatchEvent.Type.DELETED, e.object(), e.previous(), e.resourceVersion()));
        }
        yield Optional.empty();
      }
      case BOOKMARK -> Optional.of(e);
    };
  }
}
