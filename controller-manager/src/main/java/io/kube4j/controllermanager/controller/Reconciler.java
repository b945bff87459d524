package io.kube4j.controllermanager.controller;

/**
 * Brings the world in line with what one object asks for ({@code syncHandler} upstream). Idempotent:
 * called again with the same key, it does nothing more than what is still missing.
 */
@FunctionalInterface
public interface Reconciler {

  /**
   * Reconciles the object named {@code key} ({@code namespace/name}, or {@code name} for
   * cluster-scoped objects). Throwing puts the key back on the queue with backoff.
   */
  void reconcile(String key) throws Exception;
}
