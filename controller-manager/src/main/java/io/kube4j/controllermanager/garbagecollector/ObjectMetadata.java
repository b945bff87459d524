package io.kube4j.controllermanager.garbagecollector;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

/**
 * The part of an object the garbage collector reads (upstream's {@code metaonly} objects): what its
 * events, its informers' caches and its GETs keep, so that an object's data (a Secret's, a
 * ConfigMap's) is never held.
 *
 * @param namespace empty for a cluster-scoped object
 * @param deletionTimestamp null unless the object is being deleted
 */
record ObjectMetadata(String namespace, String name, String uid, String resourceVersion,
    List<OwnerReference> ownerReferences, List<String> finalizers, String deletionTimestamp) {

  /** {@code metav1.FinalizerOrphanDependents}: set by a DELETE with {@code propagationPolicy: Orphan}. */
  static final String FINALIZER_ORPHAN = "orphan";
  /** {@code metav1.FinalizerDeleteDependents}: set by a DELETE with {@code propagationPolicy: Foreground}. */
  static final String FINALIZER_DELETE_DEPENDENTS = "foregroundDeletion";

  ObjectMetadata {
    namespace = namespace == null ? "" : namespace.intern();
    ownerReferences = List.copyOf(ownerReferences);
    finalizers = finalizers.stream().map(String::intern).toList();
  }

  static ObjectMetadata of(HasMetadata obj) {
    ObjectMeta m = obj.getMetadata();
    return new ObjectMetadata(m.getNamespace(), m.getName(), m.getUid(), m.getResourceVersion(),
        OwnerReference.of(m.getOwnerReferences()), m.getFinalizers() == null ? List.of() : m.getFinalizers(),
        m.getDeletionTimestamp());
  }

  /** What a virtual delete event carries: only who the object was. */
  static ObjectMetadata identity(ObjectReference ref) {
    return new ObjectMetadata(ref.namespace(), ref.name(), ref.uid(), null, List.of(), List.of(), null);
  }

  boolean beingDeleted() {
    return deletionTimestamp != null;
  }

  boolean hasFinalizer(String finalizer) {
    return finalizers.contains(finalizer);
  }

  /** What the graph cares about changed: owners, finalizers or deletion (upstream's TODO in its update handler). */
  boolean differsForGraph(ObjectMetadata other) {
    return !ownerReferences.equals(other.ownerReferences) || !finalizers.equals(other.finalizers)
        || beingDeleted() != other.beingDeleted();
  }

  /** A Fabric8 object carrying only this metadata, for the informer's cache to hand back. */
  GenericKubernetesResource toResource(String apiVersion, String kind) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(apiVersion);
    r.setKind(kind);
    r.setMetadata(new ObjectMetaBuilder().withNamespace(namespace.isEmpty() ? null : namespace).withName(name)
        .withUid(uid).withResourceVersion(resourceVersion).withDeletionTimestamp(deletionTimestamp)
        .withFinalizers(finalizers).withOwnerReferences(ownerReferences.stream().map(OwnerReference::toFabric8)
            .toList()).build());
    return r;
  }
}
