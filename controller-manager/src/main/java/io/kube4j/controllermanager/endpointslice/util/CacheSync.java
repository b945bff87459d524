package io.kube4j.controllermanager.endpointslice.util;

import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code cache.WaitForNamedCacheSync}: workers start only once every informer they read has listed
 * its objects once. A worker running earlier would see, say, the Services but not yet their pods,
 * and write empty Endpoints for every Service (or delete every Endpoints whose Service it cannot yet
 * see). Keys queued meanwhile wait in the queue.
 */
public final class CacheSync {

  /** How often the informers are asked, as upstream's {@code syncedPollPeriod}. */
  private static final long POLL_MILLIS = 100;

  private CacheSync() {}

  /**
   * Runs {@code then} on a new daemon thread named {@code name} once all {@code informers} have
   * synced; interrupting the returned thread (the controller closing) gives up waiting.
   */
  public static Thread runWhenSynced(String name, List<SharedIndexInformer<?>> informers, Runnable then) {
    Thread t = new Thread(() -> {
      try {
        while (!informers.stream().allMatch(SharedIndexInformer::hasSynced)) {
          TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
      } catch (InterruptedException e) {
        return;
      }
      then.run();
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
