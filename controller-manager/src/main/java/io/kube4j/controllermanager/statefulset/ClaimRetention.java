package io.kube4j.controllermanager.statefulset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code persistentVolumeClaimRetentionPolicy} expressed as owner references on the claims, for the
 * garbage collector to act on ({@code claimOwnerMatchesSetAndPod} and
 * {@code updateClaimOwnerRefForSetAndPod} in {@code stateful_set_utils.go}, v1.31):
 *
 * <pre>
 * whenScaled  whenDeleted  claim of a pod in range   claim of a pod scaled away
 * Retain      Retain       no reference              no reference
 * Retain      Delete       owned by the set          owned by the set
 * Delete      Retain       no reference              owned by the pod
 * Delete      Delete       owned by the set          owned by the pod
 * </pre>
 *
 * A claim owned by the set goes when the set is deleted; one owned by a condemned pod goes with the
 * pod. The references are plain (not controller) references, as in v1.31.
 */
final class ClaimRetention {

  private ClaimRetention() {}

  static String whenScaled(StatefulSet set) {
    var p = set.getSpec().getPersistentVolumeClaimRetentionPolicy();
    return p == null || p.getWhenScaled() == null ? "Retain" : p.getWhenScaled();
  }

  static String whenDeleted(StatefulSet set) {
    var p = set.getSpec().getPersistentVolumeClaimRetentionPolicy();
    return p == null || p.getWhenDeleted() == null ? "Retain" : p.getWhenDeleted();
  }

  /** Whether the claim's references are what the policy asks for this pod. */
  static boolean matches(PersistentVolumeClaim claim, StatefulSet set, Pod pod) {
    boolean wantSet = wantsSetRef(set, pod);
    boolean wantPod = wantsPodRef(set, pod);
    return hasOwnerRef(claim, set) == wantSet && hasOwnerRef(claim, pod) == wantPod;
  }

  /** Sets the references the policy asks for on {@code claim} (a copy); true if anything changed. */
  static boolean update(PersistentVolumeClaim claim, StatefulSet set, Pod pod) {
    boolean changed = false;
    changed |= wantsSetRef(set, pod) ? setOwnerRef(claim, set, "apps/v1", "StatefulSet") : removeOwnerRef(claim, set);
    changed |= wantsPodRef(set, pod) ? setOwnerRef(claim, pod, "v1", "Pod") : removeOwnerRef(claim, pod);
    return changed;
  }

  private static boolean wantsSetRef(StatefulSet set, Pod pod) {
    boolean scaledDown = !StatefulSets.inOrdinalRange(pod, set);
    return "Delete".equals(whenDeleted(set)) && !(scaledDown && "Delete".equals(whenScaled(set)));
  }

  private static boolean wantsPodRef(StatefulSet set, Pod pod) {
    return "Delete".equals(whenScaled(set)) && !StatefulSets.inOrdinalRange(pod, set);
  }

  /**
   * {@code isStale}: the claim is still owned by an earlier pod of the same name, which the garbage
   * collector is about to delete it with; the new pod must wait for it to go.
   */
  static boolean isStale(PersistentVolumeClaim claim, Pod pod) {
    if (claim.getMetadata().getOwnerReferences() == null) {
      return false;
    }
    String uid = pod.getMetadata().getUid();
    return claim.getMetadata().getOwnerReferences().stream()
        .anyMatch(r -> "Pod".equals(r.getKind()) && (uid == null || !uid.equals(r.getUid())));
  }

  static boolean hasOwnerRef(HasMetadata target, HasMetadata owner) {
    String uid = owner.getMetadata().getUid();
    return uid != null && target.getMetadata().getOwnerReferences() != null
        && target.getMetadata().getOwnerReferences().stream().anyMatch(r -> uid.equals(r.getUid()));
  }

  private static boolean setOwnerRef(HasMetadata target, HasMetadata owner, String apiVersion, String kind) {
    if (hasOwnerRef(target, owner) || owner.getMetadata().getUid() == null) {
      return false;
    }
    List<OwnerReference> refs = target.getMetadata().getOwnerReferences() == null ? new ArrayList<>()
        : new ArrayList<>(target.getMetadata().getOwnerReferences());
    refs.add(new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind)
        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).build());
    target.getMetadata().setOwnerReferences(refs);
    return true;
  }

  private static boolean removeOwnerRef(HasMetadata target, HasMetadata owner) {
    if (!hasOwnerRef(target, owner)) {
      return false;
    }
    List<OwnerReference> refs = new ArrayList<>(target.getMetadata().getOwnerReferences());
    refs.removeIf(r -> r.getUid().equals(owner.getMetadata().getUid()));
    target.getMetadata().setOwnerReferences(refs);
    return true;
  }
}
