package io.kube4j.controllermanager.replicaset;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kube4j.controllermanager.controller.Keys;

/**
 * ReplicaSet events ({@code addRS}, {@code updateRS}, {@code deleteRS}): every change queues the
 * ReplicaSet, so a resync also retries one whose last creates failed; a deleted one forgets its
 * expectations, so a new ReplicaSet of the same name starts clean.
 */
final class ReplicaSetEventHandler implements ResourceEventHandler<ReplicaSet> {

  private final ReplicaSetController controller;

  ReplicaSetEventHandler(ReplicaSetController controller) {
    this.controller = controller;
  }

  @Override
  public void onAdd(ReplicaSet rs) {
    controller.loop().enqueue(Keys.of(rs));
  }

  @Override
  public void onUpdate(ReplicaSet old, ReplicaSet cur) {
    if (!old.getMetadata().getUid().equals(cur.getMetadata().getUid())) {
      // deleted and re-created between two events: the old one's delete was never seen
      onDelete(old, true);
    }
    controller.loop().enqueue(Keys.of(cur));
  }

  @Override
  public void onDelete(ReplicaSet rs, boolean deletedFinalStateUnknown) {
    String key = Keys.of(rs);
    controller.expectations().delete(key);
    controller.loop().enqueue(key);
  }
}
