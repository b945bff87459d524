package io.kube4j.controllermanager.endpointslice.util;

/**
 * The informer cache does not yet show this controller's own last write ({@code StaleInformerCache}
 * upstream): reconciling from it now would undo or duplicate that write, so the key is retried with
 * backoff until the cache catches up.
 */
public final class StaleInformerCache extends RuntimeException {

  public StaleInformerCache(String message) {
    super(message, null, false, false);
  }
}
