package io.kube4j.controllermanager.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An informer event handler that does nothing but queue keys: the work happens in the reconcile loop,
 * never in the informer's thread. {@code keyOf} maps an event's object to the key to reconcile (the
 * object's own key, or e.g. its namespace), or to null when the object concerns no key.
 */
public final class EnqueueingHandler<T extends HasMetadata> implements ResourceEventHandler<T> {

  private final Function<T, String> keyOf;
  private final Consumer<String> enqueue;

  public EnqueueingHandler(Function<T, String> keyOf, Consumer<String> enqueue) {
    this.keyOf = keyOf;
    this.enqueue = enqueue;
  }

  /** Queues the object's own key. */
  public static <T extends HasMetadata> EnqueueingHandler<T> own(ReconcileLoop loop) {
    return new EnqueueingHandler<>(Keys::of, loop::enqueue);
  }

  @Override
  public void onAdd(T obj) {
    enqueueKeyOf(obj);
  }

  @Override
  public void onUpdate(T oldObj, T newObj) {
    enqueueKeyOf(newObj);
  }

  @Override
  public void onDelete(T obj, boolean deletedFinalStateUnknown) {
    enqueueKeyOf(obj);
  }

  private void enqueueKeyOf(T obj) {
    String key = keyOf.apply(obj);
    if (key != null) {
      enqueue.accept(key);
    }
  }
}
