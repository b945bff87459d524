package io.kube4j.controllermanager.garbagecollector;

import java.util.List;

/**
 * One entry of {@code metadata.ownerReferences}, kept small: the graph holds one per dependent, so
 * a Fabric8 {@code OwnerReference} (with its map of unknown properties) is converted on arrival.
 *
 * @param controller null when unset
 * @param blockOwnerDeletion null when unset; only {@code true} makes a foreground-deleting owner wait
 */
record OwnerReference(String apiVersion, String kind, String name, String uid, Boolean controller,
    Boolean blockOwnerDeletion) {

  OwnerReference {
    apiVersion = apiVersion == null ? "" : apiVersion.intern();
    kind = kind == null ? "" : kind.intern();
    name = name == null ? "" : name;
    uid = uid == null ? "" : uid;
  }

  static OwnerReference of(io.fabric8.kubernetes.api.model.OwnerReference r) {
    return new OwnerReference(r.getApiVersion(), r.getKind(), r.getName(), r.getUid(), r.getController(),
        r.getBlockOwnerDeletion());
  }

  static List<OwnerReference> of(List<io.fabric8.kubernetes.api.model.OwnerReference> refs) {
    return refs == null ? List.of() : refs.stream().map(OwnerReference::of).toList();
  }

  boolean blocksOwnerDeletion() {
    return Boolean.TRUE.equals(blockOwnerDeletion);
  }

  /** This reference with {@code blockOwnerDeletion: false}, for the patch that unblocks an owner. */
  OwnerReference unblocked() {
    return new OwnerReference(apiVersion, kind, name, uid, controller, false);
  }

  io.fabric8.kubernetes.api.model.OwnerReference toFabric8() {
    return new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind)
        .withName(name).withUid(uid).withController(controller).withBlockOwnerDeletion(blockOwnerDeletion).build();
  }

  @Override
  public String toString() {
    return apiVersion + "/" + kind + " " + name + " (" + uid + ")";
  }
}
