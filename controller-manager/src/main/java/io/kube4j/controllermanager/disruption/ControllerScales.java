package io.kube4j.controllermanager.disruption;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllermanager.controller.ControllerRefs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code getExpectedScale}: the sum of the {@code spec.replicas} of the controllers of the selected
 * pods, each controller counted once. A pod's controller is found from its controllerRef through the
 * informer caches, as upstream's finders: ReplicationController, Deployment (through the pod's
 * ReplicaSet), a ReplicaSet no Deployment controls, StatefulSet.
 */
final class ControllerScales {

  /** A controller and its scale; the uid makes sure two pods of one controller count it once. */
  record ControllerAndScale(String uid, int scale) {}

  private final SharedIndexInformer<ReplicationController> rcs;
  private final SharedIndexInformer<ReplicaSet> rss;
  private final SharedIndexInformer<Deployment> deployments;
  private final SharedIndexInformer<StatefulSet> statefulSets;

  ControllerScales(SharedIndexInformer<ReplicationController> rcs, SharedIndexInformer<ReplicaSet> rss,
      SharedIndexInformer<Deployment> deployments, SharedIndexInformer<StatefulSet> statefulSets) {
    this.rcs = rcs;
    this.rss = rss;
    this.deployments = deployments;
    this.statefulSets = statefulSets;
  }

  /**
   * @throws IllegalStateException "found no controllers for pod" when a pod's controller is none of
   *     the kinds above (upstream would then ask the scale subresource; kube4j does not yet)
   */
  Budget.Scale expectedScale(List<Pod> pods) {
    Map<String, Integer> scales = new HashMap<>();
    List<String> unmanaged = new ArrayList<>();
    for (Pod pod : pods) {
      Optional<OwnerReference> ref = ControllerRefs.controllerOf(pod);
      if (ref.isEmpty()) {
        unmanaged.add(pod.getMetadata().getName());
        continue;
      }
      if (scales.containsKey(ref.get().getUid())) {
        continue;
      }
      ControllerAndScale found = find(ref.get(), pod.getMetadata().getNamespace())
          .orElseThrow(() -> new IllegalStateException("found no controllers for pod \"" + pod.getMetadata().getName() + "\""));
      scales.put(found.uid(), found.scale());
    }
    return new Budget.Scale(scales.values().stream().mapToInt(Integer::intValue).sum(), unmanaged);
  }

  private Optional<ControllerAndScale> find(OwnerReference ref, String namespace) {
    if (isKind(ref, "ReplicationController", Set.of(""))) {
      return get(rcs, namespace, ref).map(rc -> new ControllerAndScale(rc.getMetadata().getUid(),
          replicas(rc.getSpec().getReplicas())));
    }
    if (isKind(ref, "ReplicaSet", Set.of("apps", "extensions"))) {
      Optional<ReplicaSet> rs = get(rss, namespace, ref);
      if (rs.isEmpty()) {
        return Optional.empty();
      }
      Optional<OwnerReference> owner = ControllerRefs.controllerOf(rs.get());
      if (owner.isPresent() && isKind(owner.get(), "Deployment", Set.of("apps", "extensions"))) {
        // a Deployment's pods count against the Deployment's replicas, across its ReplicaSets
        return get(deployments, namespace, owner.get()).map(d -> new ControllerAndScale(d.getMetadata().getUid(),
            replicas(d.getSpec().getReplicas())));
      }
      return Optional.of(new ControllerAndScale(rs.get().getMetadata().getUid(), replicas(rs.get().getSpec().getReplicas())));
    }
    if (isKind(ref, "StatefulSet", Set.of("apps"))) {
      return get(statefulSets, namespace, ref).map(ss -> new ControllerAndScale(ss.getMetadata().getUid(),
          replicas(ss.getSpec().getReplicas())));
    }
    return Optional.empty();
  }

  /** The cached object the reference names, if it is still the same object (same uid). */
  private static <T extends HasMetadata> Optional<T> get(SharedIndexInformer<T> informer, String namespace,
      OwnerReference ref) {
    T obj = informer.getIndexer().getByKey(namespace + "/" + ref.getName());
    return obj != null && ref.getUid().equals(obj.getMetadata().getUid()) ? Optional.of(obj) : Optional.empty();
  }

  private static boolean isKind(OwnerReference ref, String kind, Set<String> groups) {
    String apiVersion = ref.getApiVersion() == null ? "" : ref.getApiVersion();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return kind.equals(ref.getKind()) && groups.contains(group);
  }

  private static int replicas(Integer replicas) {
    return replicas == null ? 1 : replicas;
  }
}
