package io.kube4j.controllermanager.garbagecollector;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The patches the collector sends ({@code patch.go} upstream). A strategic merge patch names only the
 * ownerReferences it touches (by uid, their merge key) and carries the object's uid, so it cannot
 * land on a namesake created since. A JSON merge patch, for resources without strategic merge
 * (custom resources), replaces the whole list and carries the resourceVersion it was computed from.
 */
final class Patches {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private Patches() {}

  /** Removes the ownerReferences to {@code ownerUids}: {@code {"$patch":"delete","uid":...}} for each. */
  static String deleteOwnerRefStrategicMerge(String dependentUid, Collection<String> ownerUids) {
    // ordered: Map.of's iteration order changes from one JVM to the next, and so would the JSON
    List<Map<String, Object>> deletions = ownerUids.stream().map(u -> ordered("$patch", "delete", "uid", u)).toList();
    return metadata(ordered("ownerReferences", deletions, "uid", dependentUid));
  }

  static String deleteOwnerRefJsonMerge(ObjectMetadata latest, Collection<String> ownerUids) {
    List<OwnerReference> kept = latest.ownerReferences().stream().filter(r -> !ownerUids.contains(r.uid())).toList();
    return metadata(ordered("resourceVersion", latest.resourceVersion(), "ownerReferences", fabric8(kept)));
  }

  /** Sets {@code blockOwnerDeletion: false} on each of {@code n}'s blocking ownerReferences. */
  static String unblockOwnerReferencesStrategicMerge(Node n) {
    List<OwnerReference> blocking = n.owners().stream().filter(OwnerReference::blocksOwnerDeletion)
        .map(OwnerReference::unblocked).toList();
    return metadata(ordered("ownerReferences", fabric8(blocking), "uid", n.uid()));
  }

  static String unblockOwnerReferencesJsonMerge(ObjectMetadata latest, Node n) {
    List<OwnerReference> all = n.owners().stream().map(OwnerReference::unblocked).toList();
    return metadata(ordered("resourceVersion", latest.resourceVersion(), "ownerReferences", fabric8(all)));
  }

  /** Sets the finalizers, if the object is still at {@code resourceVersion} ({@code objectForFinalizersPatch}). */
  static String finalizers(String resourceVersion, List<String> finalizers) {
    return metadata(ordered("resourceVersion", resourceVersion, "finalizers", finalizers));
  }

  private static List<io.fabric8.kubernetes.api.model.OwnerReference> fabric8(List<OwnerReference> refs) {
    return refs.stream().map(OwnerReference::toFabric8).toList();
  }

  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static String metadata(Map<String, Object> metadata) {
    return JSON.asJson(Map.of("metadata", metadata));
  }
}
