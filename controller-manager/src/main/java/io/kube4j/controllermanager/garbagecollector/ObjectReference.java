package io.kube4j.controllermanager.garbagecollector;

/**
 * Who a graph node is ({@code objectReference} in upstream's {@code graph.go}): the coordinates of an
 * owner reference plus the namespace, which an owner reference leaves implicit (an owner is in its
 * dependent's namespace, or cluster-scoped).
 *
 * @param namespace empty for a cluster-scoped object
 */
record ObjectReference(String apiVersion, String kind, String name, String uid, String namespace) {

  ObjectReference {
    // apiVersion, kind and namespace repeat across thousands of nodes: keep one copy of each
    apiVersion = apiVersion.intern();
    kind = kind.intern();
    namespace = namespace == null ? "" : namespace.intern();
  }

  /** The node an owner reference points at, as seen from a dependent in {@code namespace}. */
  static ObjectReference of(OwnerReference ref, String namespace) {
    return new ObjectReference(ref.apiVersion(), ref.kind(), ref.name(), ref.uid(), namespace);
  }

  ObjectReference withNamespace(String ns) {
    return new ObjectReference(apiVersion, kind, name, uid, ns);
  }

  ObjectReference withType(String newApiVersion, String newKind) {
    return new ObjectReference(newApiVersion, newKind, name, uid, namespace);
  }

  /** True when {@code ref} names this object with the same apiVersion, kind, name and uid. */
  boolean matchesCoordinates(OwnerReference ref) {
    return uid.equals(ref.uid()) && name.equals(ref.name()) && kind.equals(ref.kind())
        && apiVersion.equals(ref.apiVersion());
  }

  /** Upstream's log format: {@code [v1/ConfigMap, namespace: ns, name: n, uid: u]}. */
  @Override
  public String toString() {
    return "[" + apiVersion + "/" + kind + ", namespace: " + namespace + ", name: " + name + ", uid: " + uid + "]";
  }
}
