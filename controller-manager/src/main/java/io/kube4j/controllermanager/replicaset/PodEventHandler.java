package io.kube4j.controllermanager.replicaset;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kube4j.controllermanager.controller.ControllerRefs;
import io.kube4j.controllermanager.controller.Keys;
import io.kube4j.controllermanager.controller.PodStatuses;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Pod events ({@code addPod}, {@code updatePod}, {@code deletePod}): a pod with a controller reference
 * concerns only that ReplicaSet (and counts towards its expectations); an orphan concerns every
 * ReplicaSet whose selector matches it, which may adopt it. A pod that starts terminating counts as
 * deleted at once, so the ReplicaSet replaces it without waiting out its grace period.
 */
final class PodEventHandler implements ResourceEventHandler<Pod> {

  private final ReplicaSetController controller;

  PodEventHandler(ReplicaSetController controller) {
    this.controller = controller;
  }

  @Override
  public void onAdd(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      // seen for the first time already terminating (e.g. after a restart): not a creation
      onDelete(pod, false);
      return;
    }
    Optional<OwnerReference> ref = ControllerRefs.controllerOf(pod);
    if (ref.isPresent()) {
      controller.resolveControllerRef(pod.getMetadata().getNamespace(), ref.get()).ifPresent(rs -> {
        String key = Keys.of(rs);
        controller.expectations().creationObserved(key);
        controller.loop().enqueue(key);
      });
      return;
    }
    // an orphan: never a creation anyone waits for
    controller.podReplicaSets(pod).forEach(rs -> controller.loop().enqueue(Keys.of(rs)));
  }

  @Override
  public void onUpdate(Pod old, Pod cur) {
    if (Objects.equals(old.getMetadata().getResourceVersion(), cur.getMetadata().getResourceVersion())) {
      return;
    }
    boolean labelChanged = !Objects.equals(old.getMetadata().getLabels(), cur.getMetadata().getLabels());
    if (cur.getMetadata().getDeletionTimestamp() != null) {
      onDelete(cur, false);
      if (labelChanged) {
        onDelete(old, false);
      }
      return;
    }
    Optional<OwnerReference> curRef = ControllerRefs.controllerOf(cur);
    Optional<OwnerReference> oldRef = ControllerRefs.controllerOf(old);
    boolean refChanged = !Objects.equals(curRef, oldRef);
    if (refChanged && oldRef.isPresent()) {
      controller.resolveControllerRef(old.getMetadata().getNamespace(), oldRef.get())
          .ifPresent(rs -> controller.loop().enqueue(Keys.of(rs)));
    }
    if (curRef.isPresent()) {
      Optional<ReplicaSet> rs = controller.resolveControllerRef(cur.getMetadata().getNamespace(), curRef.get());
      rs.ifPresent(r -> {
        controller.loop().enqueue(Keys.of(r));
        int minReadySeconds = ReplicaSetStatuses.minReadySeconds(r);
        if (!PodStatuses.isReady(old) && PodStatuses.isReady(cur) && minReadySeconds > 0) {
          // it becomes available later, with no event to say so
          controller.loop().queue().addAfter(Keys.of(r), Duration.ofSeconds(minReadySeconds + 1L));
        }
      });
      return;
    }
    if (labelChanged || refChanged) {
      controller.podReplicaSets(cur).forEach(r -> controller.loop().enqueue(Keys.of(r)));
    }
  }

  @Override
  public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
    Optional<OwnerReference> ref = ControllerRefs.controllerOf(pod);
    if (ref.isEmpty()) {
      return;
    }
    controller.resolveControllerRef(pod.getMetadata().getNamespace(), ref.get()).ifPresent(rs -> {
      String key = Keys.of(rs);
      controller.expectations().deletionObserved(key, Keys.of(pod));
      controller.loop().enqueue(key);
    });
  }
}
