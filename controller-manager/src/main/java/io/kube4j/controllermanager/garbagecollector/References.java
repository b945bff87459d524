package io.kube4j.controllermanager.garbagecollector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Comparing owner references ({@code referencesDiffs}, {@code partitionDependents} and
 * {@code getAlternateOwnerIdentity} of upstream's {@code graph_builder.go}): what an update changed,
 * and which dependents agree on who their owner is.
 */
final class References {

  private References() {}

  /** An ownerReference present before and after an update, with other fields (e.g. blockOwnerDeletion). */
  record Changed(OwnerReference oldRef, OwnerReference newRef) {}

  /** What an update did to an object's ownerReferences, matched by uid. */
  record Diff(List<OwnerReference> added, List<OwnerReference> removed, List<Changed> changed) {
    boolean isEmpty() {
      return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
  }

  static Diff diff(List<OwnerReference> oldRefs, List<OwnerReference> newRefs) {
    Map<String, OwnerReference> old = new LinkedHashMap<>();
    oldRefs.forEach(r -> old.put(r.uid(), r));
    List<OwnerReference> added = new ArrayList<>();
    List<Changed> changed = new ArrayList<>();
    for (OwnerReference r : newRefs) {
      OwnerReference before = old.remove(r.uid());
      if (before == null) {
        added.add(r);
      } else if (!before.equals(r)) {
        changed.add(new Changed(before, r));
      }
    }
    return new Diff(added, new ArrayList<>(old.values()), changed);
  }

  /**
   * Dependents whose reference to {@code owner.uid} matches all of {@code owner}'s coordinates, and
   * those with one that does not. A dependent outside a namespaced owner's namespace never matches. A
   * dependent with two references to the uid can be in both lists.
   */
  record Partition(List<Node> matching, List<Node> nonMatching) {}

  static Partition partitionDependents(List<Node> dependents, ObjectReference owner) {
    boolean ownerIsNamespaced = !owner.namespace().isEmpty();
    List<Node> matching = new ArrayList<>();
    List<Node> nonMatching = new ArrayList<>();
    for (Node dep : dependents) {
      boolean match = false;
      boolean mismatch = false;
      if (ownerIsNamespaced && !owner.namespace().equals(dep.identity().namespace())) {
        mismatch = true;
      } else {
        for (OwnerReference ref : dep.owners()) {
          if (ref.uid().equals(owner.uid())) {
            if (owner.matchesCoordinates(ref)) {
              match = true;
            } else {
              mismatch = true;
            }
          }
        }
      }
      if (match) {
        matching.add(dep);
      }
      if (mismatch) {
        nonMatching.add(dep);
      }
    }
    return new Partition(matching, nonMatching);
  }

  /** Kind and apiVersion first, so that kinds sort together whatever their scope; then namespace, name, uid. */
  static final Comparator<ObjectReference> ORDER = Comparator.comparing(ObjectReference::kind)
      .thenComparing(ObjectReference::apiVersion).thenComparing(ObjectReference::namespace)
      .thenComparing(ObjectReference::name).thenComparing(ObjectReference::uid);

  /**
   * Another identity the dependents give the uid of {@code verifiedAbsent}, to verify next: the first
   * one after it in {@link #ORDER}, else the first one; empty when they all agree with it. Going round
   * in order means every identity gets its turn.
   */
  static Optional<ObjectReference> alternateOwnerIdentity(List<Node> dependents, ObjectReference verifiedAbsent) {
    boolean absentIsClusterScoped = verifiedAbsent.namespace().isEmpty();
    Set<ObjectReference> seen = new HashSet<>(Set.of(verifiedAbsent));
    ObjectReference first = null;
    ObjectReference firstFollowing = null;
    for (Node dep : dependents) {
      for (OwnerReference ref : dep.owners()) {
        if (!ref.uid().equals(verifiedAbsent.uid())) {
          continue;
        }
        if (verifiedAbsent.matchesCoordinates(ref)
            && (absentIsClusterScoped || verifiedAbsent.namespace().equals(dep.identity().namespace()))) {
          continue;
        }
        ObjectReference alt = ObjectReference.of(ref, dep.identity().namespace());
        if (absentIsClusterScoped && alt.apiVersion().equals(verifiedAbsent.apiVersion())
            && alt.kind().equals(verifiedAbsent.kind())) {
          // this apiVersion/kind is known to be cluster-scoped
          alt = alt.withNamespace("");
        }
        if (!seen.add(alt)) {
          continue;
        }
        if (first == null || ORDER.compare(alt, first) < 0) {
          first = alt;
        }
        boolean follows = ORDER.compare(verifiedAbsent, alt) < 0;
        if (follows && (firstFollowing == null || ORDER.compare(alt, firstFollowing) < 0)) {
          firstFollowing = alt;
        }
      }
    }
    return Optional.ofNullable(firstFollowing != null ? firstFollowing : first);
  }
}
