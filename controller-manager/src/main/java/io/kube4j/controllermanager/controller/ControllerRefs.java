package io.kube4j.controllermanager.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.Optional;

/**
 * The controller reference of an object: the one owner reference with {@code controller: true}
 * (metav1's {@code GetControllerOf} and {@code NewControllerRef}). A controller acts only on objects
 * whose controller reference names it, by UID; see
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/owners-dependents/.
 */
public final class ControllerRefs {

  private ControllerRefs() {}

  /** {@code GetControllerOf}. */
  public static Optional<OwnerReference> controllerOf(HasMetadata obj) {
    if (obj.getMetadata().getOwnerReferences() == null) {
      return Optional.empty();
    }
    return obj.getMetadata().getOwnerReferences().stream()
        .filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  /** True when {@code obj}'s controller reference points at the object with this UID. */
  public static boolean isControlledBy(HasMetadata obj, String ownerUid) {
    return controllerOf(obj).map(r -> ownerUid.equals(r.getUid())).orElse(false);
  }

  /**
   * {@code NewControllerRef}: controller and blockOwnerDeletion true, so that a foreground deletion
   * of the owner waits for this dependent.
   */
  public static OwnerReference newControllerRef(HasMetadata owner, String apiVersion, String kind) {
    return new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind)
        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
        .withController(true).withBlockOwnerDeletion(true).build();
  }

  /** The {@code involvedObject} of an event about {@code obj} ({@code ref.GetReference}). */
  public static ObjectReference referenceTo(HasMetadata obj, String apiVersion, String kind) {
    return new ObjectReferenceBuilder().withApiVersion(apiVersion).withKind(kind)
        .withNamespace(obj.getMetadata().getNamespace()).withName(obj.getMetadata().getName())
        .withUid(obj.getMetadata().getUid()).withResourceVersion(obj.getMetadata().getResourceVersion()).build();
  }
}
