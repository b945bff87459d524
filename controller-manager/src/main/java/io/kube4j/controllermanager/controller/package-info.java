/**
 * The controller pattern every controller of the controller-manager follows, in one place:
 * shared informers fill a cache and call event handlers; handlers only put a key
 * ({@code namespace/name}) on the controller's rate-limited workqueue; workers take keys off the
 * queue and {@link io.kube4j.controllermanager.controller.Reconciler#reconcile reconcile} each one by
 * reading the cache and writing through the API. A failed key comes back later with exponential
 * backoff; a key is never handled by two workers at once.
 */
package io.kube4j.controllermanager.controller;
