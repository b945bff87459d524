package io.kube4j.controllermanager.deployment;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kube4j.controllermanager.controller.ControllerRefs;
import io.kube4j.controllermanager.controller.Keys;
import java.util.Objects;
import java.util.Optional;

/**
 * ReplicaSet events for the Deployment controller ({@code addReplicaSet}, {@code updateReplicaSet},
 * {@code deleteReplicaSet}): an owned ReplicaSet queues its Deployment; an orphan queues every
 * Deployment that may adopt it.
 */
final class ReplicaSetHandler implements ResourceEventHandler<ReplicaSet> {

  private final DeploymentController controller;

  ReplicaSetHandler(DeploymentController controller) {
    this.controller = controller;
  }

  @Override
  public void onAdd(ReplicaSet rs) {
    if (rs.getMetadata().getDeletionTimestamp() != null) {
      onDelete(rs, false);
      return;
    }
    Optional<OwnerReference> ref = ControllerRefs.controllerOf(rs);
    if (ref.isPresent()) {
      enqueueOwner(rs, ref.get());
      return;
    }
    controller.deploymentsFor(rs).forEach(d -> controller.loop().enqueue(Keys.of(d)));
  }

  @Override
  public void onUpdate(ReplicaSet old, ReplicaSet cur) {
    if (Objects.equals(old.getMetadata().getResourceVersion(), cur.getMetadata().getResourceVersion())) {
      return;
    }
    Optional<OwnerReference> curRef = ControllerRefs.controllerOf(cur);
    Optional<OwnerReference> oldRef = ControllerRefs.controllerOf(old);
    boolean refChanged = !Objects.equals(curRef, oldRef);
    if (refChanged && oldRef.isPresent()) {
      enqueueOwner(old, oldRef.get());
    }
    if (curRef.isPresent()) {
      enqueueOwner(cur, curRef.get());
      return;
    }
    boolean labelChanged = !Objects.equals(old.getMetadata().getLabels(), cur.getMetadata().getLabels());
    if (labelChanged || refChanged) {
      controller.deploymentsFor(cur).forEach(d -> controller.loop().enqueue(Keys.of(d)));
    }
  }

  @Override
  public void onDelete(ReplicaSet rs, boolean deletedFinalStateUnknown) {
    ControllerRefs.controllerOf(rs).ifPresent(ref -> enqueueOwner(rs, ref));
  }

  private void enqueueOwner(ReplicaSet rs, OwnerReference ref) {
    controller.resolveControllerRef(rs.getMetadata().getNamespace(), ref)
        .ifPresent(d -> controller.loop().enqueue(Keys.of(d)));
  }
}
