package io.kube4j.apiserver.watch;

import io.kube4j.apiserver.api.StatusException;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Keeps an index inside the apiserver current with one resource's watch cache, as an informer keeps
 * a controller's cache current: every object first (as ADDED), then every change. When the cache
 * ends the watch (a reset, or this consumer fell behind), the index is cleared and replayed from
 * the current state. Used by authorizers and admission plugins that need a view across objects
 * (the node authorizer's graph of pods).
 */
public final class CacheInformer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(CacheInformer.class.getName());

  private final WatchCache cache;
  private final Consumer<WatchEvent> handler;
  private final Runnable reset;
  private volatile WatchCache.Registration registration;
  private volatile boolean closed;
  private final java.util.concurrent.CountDownLatch synced = new java.util.concurrent.CountDownLatch(1);

  /**
   * @param handler applies one event to the index; called from one thread at a time, in order
   * @param reset empties the index before a replay
   */
  public CacheInformer(WatchCache cache, Consumer<WatchEvent> handler, Runnable reset) {
    this.cache = cache;
    this.handler = handler;
    this.reset = reset;
  }

  public CacheInformer start() {
    registration = cache.watchWithInitialEvents(SelectionPredicate.EVERYTHING, new Watcher() {
      @Override
      public void onEvent(WatchEvent event) {
        if (event.type() == WatchEvent.Type.BOOKMARK) {
          synced.countDown();
        } else {
          handler.accept(event);
        }
      }

      @Override
      public void onClose(StatusException why) {
        if (!closed) {
          LOG.fine(() -> "informer watch ended (" + why.getMessage() + "); replaying");
          reset.run();
          start();
        }
      }
    }, true);
    return this;
  }

  /**
   * Waits until every object that existed at start has been handed to the handler
   * ({@code WaitForCacheSync}): an authorizer must not answer from a half-filled index.
   */
  public boolean awaitSynced(java.time.Duration timeout) throws InterruptedException {
    return synced.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closed = true;
    WatchCache.Registration r = registration;
    if (r != null) {
      r.close();
    }
  }
}
