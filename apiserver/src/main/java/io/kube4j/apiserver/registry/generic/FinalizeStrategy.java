package io.kube4j.apiserver.registry.generic;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * An optional capability of a strategy: deleting an object starts a finalization that a controller
 * completes, beyond {@code metadata.finalizers}. Namespaces: DELETE marks the namespace
 * {@code Terminating}; it is removed once {@code spec.finalizers} is empty (the namespace controller
 * empties it through {@code /finalize} after deleting the namespace's content).
 */
public interface FinalizeStrategy<T extends HasMetadata> {

  /** Whether the object still waits for its own finalization (besides metadata.finalizers). */
  boolean awaitsFinalization(T obj);

  /** Marks the object as being finalized, e.g. {@code status.phase: Terminating}. */
  void markFinalizing(T obj);
}
