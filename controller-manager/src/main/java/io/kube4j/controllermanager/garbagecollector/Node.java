package io.kube4j.controllermanager.garbagecollector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One object in the dependency graph ({@code node} in upstream's {@code graph.go}).
 *
 * <p>The single graph-builder thread is the only writer of every field; the collector's workers
 * read them. The scalar fields are volatile; {@code dependents} is guarded by {@code this}. A node
 * is compared by identity, like upstream's {@code *node}; there is at most one per uid in the graph,
 * and a virtual node that gets observed is updated in place rather than replaced.
 */
final class Node {

  /** Who the object is; for a virtual node, who its dependents say it is. */
  private volatile ObjectReference identity;
  /** The object's {@code metadata.ownerReferences}, as last observed. */
  private volatile List<OwnerReference> owners;
  /** {@code deletionTimestamp} is set: a one-way trip to deletion. */
  private volatile boolean beingDeleted;
  /** Being deleted with the {@code foregroundDeletion} finalizer: its dependents go first. */
  private volatile boolean deletingDependents;
  /**
   * Created because a dependent named it as owner, before (or without) any informer event for it; the
   * collector checks with the apiserver whether it exists.
   */
  private volatile boolean virtual;
  /** The nodes whose ownerReferences name this one; created on first use (most objects own nothing). */
  private Set<Node> dependents;

  private Node(ObjectReference identity, List<OwnerReference> owners, boolean virtual) {
    this.identity = identity;
    this.owners = List.copyOf(owners);
    this.virtual = virtual;
  }

  /** A node for an object an informer reported. */
  static Node observed(ObjectReference identity, ObjectMetadata meta) {
    Node n = new Node(identity, meta.ownerReferences(), false);
    n.beingDeleted = meta.beingDeleted();
    n.deletingDependents = meta.beingDeleted() && meta.hasFinalizer(ObjectMetadata.FINALIZER_DELETE_DEPENDENTS);
    return n;
  }

  /** A node for an owner known only from a dependent's ownerReference. */
  static Node virtual(ObjectReference identity) {
    return new Node(identity, List.of(), true);
  }

  ObjectReference identity() {
    return identity;
  }

  void setIdentity(ObjectReference identity) {
    this.identity = identity;
  }

  String uid() {
    return identity.uid();
  }

  List<OwnerReference> owners() {
    return owners;
  }

  void setOwners(List<OwnerReference> owners) {
    this.owners = List.copyOf(owners);
  }

  boolean isBeingDeleted() {
    return beingDeleted;
  }

  void markBeingDeleted() {
    beingDeleted = true;
  }

  boolean isDeletingDependents() {
    return deletingDependents;
  }

  void markDeletingDependents() {
    deletingDependents = true;
  }

  boolean isObserved() {
    return !virtual;
  }

  void markObserved() {
    virtual = false;
  }

  synchronized void addDependent(Node dependent) {
    if (dependents == null) {
      dependents = new HashSet<>();
    }
    dependents.add(dependent);
  }

  synchronized void deleteDependent(Node dependent) {
    if (dependents != null) {
      dependents.remove(dependent);
      if (dependents.isEmpty()) {
        dependents = null;
      }
    }
  }

  synchronized int dependentsLength() {
    return dependents == null ? 0 : dependents.size();
  }

  /** A copy: dependents may come and go the moment it is returned. */
  synchronized List<Node> dependents() {
    return dependents == null ? List.of() : new ArrayList<>(dependents);
  }

  /**
   * The dependents that hold up this node's foreground deletion: those whose ownerReference to it has
   * {@code blockOwnerDeletion: true}.
   */
  List<Node> blockingDependents() {
    List<Node> out = new ArrayList<>();
    for (Node dep : dependents()) {
      for (OwnerReference owner : dep.owners()) {
        if (owner.uid().equals(uid()) && owner.blocksOwnerDeletion()) {
          out.add(dep);
          break;
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return identity + (virtual ? " (virtual)" : "");
  }
}
