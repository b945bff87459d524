package io.kube4j.apiserver.watch;

import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.storage.KeyValue;
import io.kube4j.apiserver.storage.ListResult;
import io.kube4j.apiserver.storage.Storage;
import io.kube4j.apiserver.storage.StorageEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cache of one resource ({@code Cacher} + {@code watchCache} upstream). A reflector lists the
 * resource's prefix from etcd at revision R, then watches from R: every change updates
 * {@link #store}, is appended to the {@link #window} and is queued to every client watch.
 *
 * <p>Lock order: {@code this} (guards store updates, the window, the watcher list and
 * {@link #resourceVersion}) before any {@link WatcherQueue}'s own lock. Network writes never happen
 * under {@code this}: watcher queues are drained on {@link #dispatcher}.
 */
public final class WatchCache implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(WatchCache.class.getName());

  private final String prefix;
  private final Storage storage;
  private final Function<KeyValue, CachedObject> decoder;
  private final Executor dispatcher;
  private final ScheduledExecutorService scheduler;
  private final Duration bookmarkInterval;

  /** Every live object by etcd key; readers iterate it without the lock (weakly consistent). */
  private final ConcurrentSkipListMap<String, CachedObject> store = new ConcurrentSkipListMap<>();

  /**
   * The window of recent changes, oldest first: a ring buffer of {@code capacity} slots, as upstream's
   * {@code watchCache.cache}. A watch from revision N is served by replaying every change after N;
   * N older than the window's start cannot be served (410 Gone) because changes were forgotten.
   * Guarded by {@code this}.
   */
  private final WatchEvent[] window;
  /** Guarded by {@code this}: index of the oldest change in {@link #window}. */
  private int windowStart;
  /** Guarded by {@code this}: number of changes in {@link #window}. */
  private int windowSize;
  /**
   * Guarded by {@code this}: the oldest revision a watch may start from: the initial list's revision,
   * then, once the window wraps, the revision of the last change pushed out of it.
   */
  private long oldestWatchable;
  /** Guarded by {@code this}; also read without it (volatile): everything up to here is in the cache. */
  private volatile long resourceVersion;

  private final List<WatcherQueue> watchers = new CopyOnWriteArrayList<>();
  private volatile Storage.WatchHandle etcdWatch;
  private volatile ScheduledFuture<?> bookmarks;
  private volatile boolean closed;

  /**
   * @param prefix the resource's etcd prefix, e.g. {@code /registry/pods/}
   * @param decoder turns a stored value into the cached form (decoded object, JSON with RV, fields)
   * @param capacity how many changes the window holds
   * @param bookmarkInterval how often watchers that asked for bookmarks get one
   */
  public WatchCache(String prefix, Storage storage, Function<KeyValue, CachedObject> decoder,
      int capacity, Duration bookmarkInterval, Executor dispatcher, ScheduledExecutorService scheduler) {
    this.prefix = prefix;
    this.storage = storage;
    this.decoder = decoder;
    this.window = new WatchEvent[capacity];
    this.bookmarkInterval = bookmarkInterval;
    this.dispatcher = dispatcher;
    this.scheduler = scheduler;
  }

  /** Lists the prefix and starts watching it; returns once the cache holds the initial state. */
  public void start() {
    relist();
    long ms = bookmarkInterval.toMillis();
    bookmarks = scheduler.scheduleAtFixedRate(this::sendBookmarks, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void relist() {
    ListResult all = storage.list(prefix, "", 0, 0);
    synchronized (this) {
      store.clear();
      for (KeyValue kv : all.items()) {
        store.put(kv.key(), decoder.apply(kv));
      }
      windowStart = 0;
      windowSize = 0;
      oldestWatchable = all.revision();
      resourceVersion = all.revision();
      notifyAll();
    }
    etcdWatch = storage.watch(prefix, all.revision(), new Reflector());
  }

  /** Everything up to this revision is reflected in the cache. */
  public long resourceVersion() {
    return resourceVersion;
  }

  public Optional<CachedObject> get(String key) {
    return Optional.ofNullable(store.get(key));
  }

  /** A consistent snapshot of the matching objects, key-ordered, and the revision it reflects. */
  public synchronized Snapshot list(SelectionPredicate predicate) {
    List<CachedObject> items = new ArrayList<>();
    String from = predicate.namespace().isEmpty() ? prefix : prefix + predicate.namespace() + "/";
    for (CachedObject o : store.subMap(from, from + Character.MAX_VALUE).values()) {
      if (predicate.matches(o)) {
        items.add(o);
      }
    }
    return new Snapshot(items, resourceVersion);
  }

  /** The objects of a list and the revision they were read at. */
  public record Snapshot(List<CachedObject> items, long resourceVersion) {}

  /**
   * Waits until the cache has seen revision {@code revision}: the way a consistent read is served
   * from the cache (upstream's ConsistentListFromCache). Asks etcd for a progress notification,
   * because a quiet prefix sees no events that would advance it.
   */
  public void waitUntilFresh(long revision, Duration timeout) throws TimeoutException {
    if (resourceVersion >= revision) {
      return;
    }
    storage.requestProgress();
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (resourceVersion < revision) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException("watch cache of " + prefix + " at " + resourceVersion
              + ", wanted " + revision);
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new TimeoutException("interrupted");
        }
      }
    }
  }

  /**
   * Starts a client watch. {@code fromRevision} 0 means "current state first": a synthetic ADDED
   * event per matching object, then every change. Otherwise every change after {@code fromRevision}.
   *
   * @throws StatusException 410 Expired when {@code fromRevision} is older than the window
   */
  public Registration watch(long fromRevision, SelectionPredicate predicate, Watcher watcher) {
    synchronized (this) {
      if (fromRevision == 0) {
        return watchWithInitialEvents(predicate, watcher, false);
      }
      if (fromRevision < oldestWatchable) {
        throw StatusException.tooOldResourceVersion(fromRevision, oldestWatchable);
      }
      WatcherQueue q = new WatcherQueue(watcher, predicate, dispatcher, fromRevision);
      for (int i = 0; i < windowSize; i++) {
        WatchEvent e = window[(windowStart + i) % window.length];
        if (e.resourceVersion() > fromRevision) {
          q.enqueue(e);
        }
      }
      watchers.add(q);
      return new Registration(q);
    }
  }

  /**
   * The current state as ADDED events, then every change; with {@code endMarker} a BOOKMARK between
   * the two tells the watcher it has seen everything that existed ({@code sendInitialEvents} with
   * the {@code k8s.io/initial-events-end} bookmark upstream): how an index inside the apiserver
   * knows it is in sync.
   */
  public synchronized Registration watchWithInitialEvents(SelectionPredicate predicate, Watcher watcher,
      boolean endMarker) {
    WatcherQueue q = new WatcherQueue(watcher, predicate, dispatcher, resourceVersion);
    for (CachedObject o : list(predicate).items()) {
      q.enqueueRaw(new WatchEvent(WatchEvent.Type.ADDED, o, Optional.empty(), o.resourceVersion()));
    }
    if (endMarker) {
      q.enqueueRaw(new WatchEvent(WatchEvent.Type.BOOKMARK, null, Optional.empty(), resourceVersion));
    }
    watchers.add(q);
    return new Registration(q);
  }

  /** A client watch's handle: closing it stops delivery and unregisters the watcher. */
  public final class Registration implements AutoCloseable {
    private final WatcherQueue queue;

    private Registration(WatcherQueue queue) {
      this.queue = queue;
    }

    @Override
    public void close() {
      queue.close();
      watchers.remove(queue);
    }
  }

  /** How many client watches are open: a figure for metrics and the teaching view. */
  public int watcherCount() {
    return watchers.size();
  }

  private void sendBookmarks() {
    synchronized (this) {
      for (WatcherQueue q : watchers) {
        if (q.watcher().wantsBookmarks()) {
          q.enqueueRaw(new WatchEvent(WatchEvent.Type.BOOKMARK, null, Optional.empty(), resourceVersion));
        }
      }
    }
  }

  /** Applies one change from etcd: store, window, then every watcher's queue. */
  private synchronized void apply(StorageEvent change) {
    long rv = change.revision();
    WatchEvent event;
    if (change.type() == StorageEvent.Type.DELETE) {
      Optional<CachedObject> last = Optional.ofNullable(store.remove(change.current().key()));
      if (last.isEmpty()) {
        // a key this cache never held (not an object of this resource): nothing to tell
        resourceVersion = Math.max(resourceVersion, rv);
        return;
      }
      // The DELETED event carries the last state stamped with the deletion's revision.
      CachedObject gone = decoder.apply(new KeyValue(change.current().key(), last.get().json(), rv, 0));
      event = new WatchEvent(WatchEvent.Type.DELETED, gone, last, rv);
    } else {
      CachedObject now = decoder.apply(change.current());
      Optional<CachedObject> before = Optional.ofNullable(store.put(now.key(), now));
      event = new WatchEvent(before.isPresent() ? WatchEvent.Type.MODIFIED : WatchEvent.Type.ADDED,
          now, before, rv);
    }
    append(event);
    resourceVersion = Math.max(resourceVersion, rv);
    for (WatcherQueue q : watchers) {
      q.enqueue(event);
    }
    notifyAll();
  }

  /** Guarded by {@code this}. */
  private void append(WatchEvent e) {
    if (windowSize == window.length) {
      oldestWatchable = window[windowStart].resourceVersion();
      windowStart = (windowStart + 1) % window.length;
      windowSize--;
    }
    window[(windowStart + windowSize) % window.length] = e;
    windowSize++;
  }

  private synchronized void progress(long revision) {
    if (revision > resourceVersion) {
      resourceVersion = revision;
      notifyAll();
    }
  }

  /**
   * The etcd watch broke (compaction, lost connection): every client watch ends with 410 so clients
   * relist, and the cache lists and watches again.
   */
  private void restart(Throwable error) {
    if (closed) {
      return;
    }
    LOG.log(Level.WARNING, "watch of " + prefix + " failed, relisting: " + error);
    synchronized (this) {
      for (WatcherQueue q : watchers) {
        q.enqueueClose(StatusException.tooOldResourceVersion(resourceVersion, resourceVersion));
      }
      watchers.clear();
    }
    scheduler.schedule(() -> {
      try {
        if (!closed) {
          relist();
        }
      } catch (RuntimeException e) {
        restart(e);
      }
    }, 1, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    closed = true;
    if (bookmarks != null) {
      bookmarks.cancel(false);
    }
    if (etcdWatch != null) {
      etcdWatch.close();
    }
    for (WatcherQueue q : watchers) {
      q.close();
    }
    watchers.clear();
  }

  private final class Reflector implements Storage.WatchListener {
    @Override
    public void onEvent(StorageEvent event) {
      apply(event);
    }

    @Override
    public void onProgress(long revision) {
      progress(revision);
    }

    @Override
    public void onError(Throwable error) {
      restart(error);
    }
  }
}
