package io.kube4j.apiserver.registry.generic;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.registry.ApiResource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When an object goes: DELETE preconditions, graceful deletion, finalizers and propagation policies
 * ({@code BeforeDelete}, {@code updateForGracefulDeletionAndFinalizers} and
 * {@code shouldDeleteDuringUpdate} of upstream's store).
 */
final class DeletionPolicy<T extends HasMetadata> {

  private final ApiResource resource;
  private final Strategy<T> strategy;
  private final Clock clock;

  DeletionPolicy(ApiResource resource, Strategy<T> strategy, Clock clock) {
    this.resource = resource;
    this.strategy = strategy;
    this.clock = clock;
  }

  /** What a DELETE does to an object: remove it, mark it (store the marked copy), or nothing. */
  sealed interface Deletion<T> {
    /** The object to answer with, given the one read. */
    T object(T read);

    record Remove<T>() implements Deletion<T> {
      @Override
      public T object(T read) {
        return read;
      }
    }

    record Mark<T>(T marked) implements Deletion<T> {
      @Override
      public T object(T read) {
        return marked;
      }
    }

    record Unchanged<T>() implements Deletion<T> {
      @Override
      public T object(T read) {
        return read;
      }
    }
  }

  /**
   * How to record this DELETE: propagation policies Orphan and Foreground become the finalizers the
   * garbage collector acts on; finalizers or a grace period mean "mark with deletionTimestamp";
   * neither means "remove now".
   */
  Deletion<T> markForDeletion(T obj, DeleteOptions o) {
    ObjectMeta meta = obj.getMetadata();
    List<String> finalizers = meta.getFinalizers() == null ? new ArrayList<>() : new ArrayList<>(meta.getFinalizers());
    boolean changed = false;
    String policy = o.propagationPolicy().orElse("");
    if (policy.equals("Orphan") && !finalizers.contains("orphan")) {
      finalizers.add("orphan");
      changed = true;
    } else if (policy.equals("Foreground") && !finalizers.contains("foregroundDeletion")) {
      finalizers.add("foregroundDeletion");
      changed = true;
    }
    long grace = 0;
    if (strategy instanceof GracefulDeleteStrategy<?>) {
      @SuppressWarnings("unchecked")
      GracefulDeleteStrategy<T> g = (GracefulDeleteStrategy<T>) strategy;
      grace = g.gracePeriodSeconds(obj, o.gracePeriodSeconds());
    }
    boolean finalizing = awaitsFinalization(obj);
    if (finalizers.isEmpty() && grace == 0 && !finalizing) {
      return new Deletion.Remove<>();
    }
    meta.setFinalizers(finalizers);
    if (finalizing && meta.getDeletionTimestamp() == null) {
      finalizeStrategy().ifPresent(f -> f.markFinalizing(obj));
    }
    if (meta.getDeletionTimestamp() == null) {
      meta.setDeletionTimestamp(SystemMetadata.timestamp(clock.instant().plusSeconds(grace)));
      meta.setDeletionGracePeriodSeconds(grace);
      return new Deletion.Mark<>(obj);
    }
    // Already being deleted: only a shorter grace period changes anything.
    Long current = meta.getDeletionGracePeriodSeconds();
    if (current != null && grace < current) {
      if (grace == 0 && finalizers.isEmpty() && !finalizing) {
        return new Deletion.Remove<>();
      }
      meta.setDeletionTimestamp(SystemMetadata.timestamp(clock.instant().plusSeconds(grace)));
      meta.setDeletionGracePeriodSeconds(grace);
      changed = true;
    }
    return changed ? new Deletion.Mark<>(obj) : new Deletion.Unchanged<>();
  }

  /**
   * An update that removes the last finalizer of an object being deleted completes the deletion
   * ({@code shouldDeleteDuringUpdate} upstream); a graceful deletion still running does not.
   */
  boolean shouldDeleteDuringUpdate(T updated, T old) {
    ObjectMeta m = updated.getMetadata();
    Long grace = m.getDeletionGracePeriodSeconds();
    boolean wasFinalizing = !isEmpty(old.getMetadata().getFinalizers()) || awaitsFinalization(old);
    return m.getDeletionTimestamp() != null && isEmpty(m.getFinalizers()) && (grace == null || grace == 0)
        && wasFinalizing && !awaitsFinalization(updated);
  }

  @SuppressWarnings("unchecked")
  private Optional<FinalizeStrategy<T>> finalizeStrategy() {
    return strategy instanceof FinalizeStrategy<?> f ? Optional.of((FinalizeStrategy<T>) f) : Optional.empty();
  }

  private boolean awaitsFinalization(T obj) {
    return finalizeStrategy().map(f -> f.awaitsFinalization(obj)).orElse(false);
  }

  void checkPreconditions(String name, ObjectMeta meta, DeleteOptions o) {
    if (o.preconditionUid().isPresent() && !o.preconditionUid().get().equals(meta.getUid())) {
      throw StatusException.conflict(resource.groupResource(), name, "Precondition failed: UID in precondition: "
          + o.preconditionUid().get() + ", UID in object meta: " + meta.getUid());
    }
    if (o.preconditionResourceVersion().isPresent()
        && !o.preconditionResourceVersion().get().equals(meta.getResourceVersion())) {
      throw StatusException.conflict(resource.groupResource(), name,
          "Precondition failed: ResourceVersion in precondition: " + o.preconditionResourceVersion().get()
              + ", ResourceVersion in object meta: " + meta.getResourceVersion());
    }
  }

  private static boolean isEmpty(List<?> l) {
    return l == null || l.isEmpty();
  }
}
