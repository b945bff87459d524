package io.kube4j.apiserver.registry.generic;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Optional;

/**
 * Things an object holds outside its own key, reserved when it is written and freed when it goes:
 * a Service's cluster IP and node ports ({@code beginCreate}/{@code beginUpdate}/{@code afterDelete}
 * hooks of the service REST upstream). The store calls these around its writes.
 */
public interface Reservations<T extends HasMetadata> {

  /** Nothing to reserve: every resource but Services. */
  static <T extends HasMetadata> Reservations<T> none() {
    return new Reservations<>() {
      @Override
      public Runnable reserve(T obj, Optional<T> old) {
        return () -> { };
      }

      @Override
      public void release(T obj) {}
    };
  }

  /**
   * Reserves what {@code obj} needs and {@code old} (on update) did not hold, filling the object's
   * fields (e.g. {@code spec.clusterIP}). Throws a 422 StatusException when a requested value is
   * taken. Returns how to undo the reservation if the write then fails.
   */
  Runnable reserve(T obj, Optional<T> old);

  /** Frees everything {@code obj} held; it was deleted. */
  void release(T obj);

  /** Frees what {@code old} held and {@code obj} no longer does; the update was written. */
  default void afterUpdate(T obj, T old) {}
}
