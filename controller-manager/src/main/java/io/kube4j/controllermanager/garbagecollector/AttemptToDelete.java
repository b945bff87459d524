package io.kube4j.controllermanager.garbagecollector;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attemptToDelete worker ({@code attemptToDeleteWorker} and {@code attemptToDeleteItem}
 * upstream): given a node that may be garbage, look at the live object and its owners and do what
 * they call for.
 *
 * <ul>
 *   <li>every owner absent: delete it (Background, unless it carries its own orphan or foreground
 *       finalizer);
 *   <li>some owners present: remove the references to the absent ones and to owners deleting their
 *       dependents;
 *   <li>an owner deleting its dependents in the foreground: delete it, in the foreground if it has
 *       dependents of its own, so that the grand-dependents go first;
 *   <li>itself deleting its dependents: once no blocking dependent is left, remove its
 *       {@code foregroundDeletion} finalizer.
 * </ul>
 *
 * An owner counts as absent when a GET by name finds nothing or an object with another uid; the
 * answer is kept in the absent owner cache for its other dependents.
 */
final class AttemptToDelete {

  private static final Logger LOG = LoggerFactory.getLogger(AttemptToDelete.class);

  static final String BACKGROUND = "Background";
  static final String FOREGROUND = "Foreground";
  static final String ORPHAN = "Orphan";

  /** What one attempt came to, for the worker to forget the node or look at it again. */
  enum Outcome { DONE, VIRTUAL_DELETE_EVENT_ENQUEUED, NAMESPACED_OWNER_OF_CLUSTER_SCOPED_OBJECT }

  /** A cluster-scoped object names a namespaced owner: invalid, and no retry will make it valid. */
  private static final class NamespacedOwnerOfClusterScopedObject extends Exception {
    NamespacedOwnerOfClusterScopedObject(Node item, OwnerReference owner) {
      super(item.identity() + " is cluster-scoped but refers to namespaced owner " + owner, null, false, false);
    }
  }

  /** The node's object exists, but no informer has reported it yet: look again, with backoff. */
  static final class NotYetObserved extends Exception {
    NotYetObserved(Node n) {
      super(n.identity() + " exists but has not been observed by an informer yet", null, false, false);
    }
  }

  /** The owners of an object, by what they mean for it ({@code classifyReferences}). */
  record Classified(List<OwnerReference> solid, List<OwnerReference> dangling,
      List<OwnerReference> waitingForDependentsDeletion) {}

  private final GraphBuilder graph;
  private final Monitors monitors;
  private final Operations ops;
  private final ReferenceCache absentOwnerCache;
  /** Puts a uid back on the attemptToDelete queue. */
  private final Consumer<String> attemptToDelete;

  AttemptToDelete(GraphBuilder graph, Monitors monitors, Operations ops, ReferenceCache absentOwnerCache,
      Consumer<String> attemptToDelete) {
    this.graph = graph;
    this.monitors = monitors;
    this.ops = ops;
    this.absentOwnerCache = absentOwnerCache;
    this.attemptToDelete = attemptToDelete;
  }

  /** The queue's reconciler: throwing puts the uid back with backoff. */
  void attemptToDeleteWorker(String uid) throws NotYetObserved {
    Optional<Node> found = graph.node(uid);
    if (found.isEmpty()) {
      return;  // deleted since it was queued, or a virtual node found absent
    }
    Node n = found.get();
    Outcome outcome = attemptToDeleteItem(n);
    if (outcome == Outcome.DONE && !n.isObserved()) {
      // the owner exists; keep looking until an informer reports it, or a virtual node of an object
      // created and deleted while a watch was down could stay in the graph forever (upstream issue 56121)
      throw new NotYetObserved(n);
    }
  }

  Outcome attemptToDeleteItem(Node item) {
    if (item.isBeingDeleted() && !item.isDeletingDependents()) {
      // on its way out: its dependents are looked at once it is gone
      return Outcome.DONE;
    }
    Optional<ObjectMetadata> found = latest(item);
    if (found.isEmpty() || !found.get().uid().equals(item.uid())) {
      // gone (or a namesake): remove the node, as if an informer had seen it go
      graph.enqueueVirtualDeleteEvent(item.identity());
      return Outcome.VIRTUAL_DELETE_EVENT_ENQUEUED;
    }
    ObjectMetadata latest = found.get();
    if (item.isDeletingDependents()) {
      processDeletingDependentsItem(item);
      return Outcome.DONE;
    }
    if (latest.ownerReferences().isEmpty()) {
      return Outcome.DONE;
    }
    Classified c;
    try {
      c = classifyReferences(item, latest.ownerReferences());
    } catch (NamespacedOwnerOfClusterScopedObject e) {
      LOG.debug("{}", e.getMessage());
      return Outcome.NAMESPACED_OWNER_OF_CLUSTER_SCOPED_OBJECT;
    }
    if (!c.solid().isEmpty()) {
      if (c.dangling().isEmpty() && c.waitingForDependentsDeletion().isEmpty()) {
        return Outcome.DONE;
      }
      // a reference to an owner deleting its dependents would hold that owner up forever
      List<String> ownerUids = Stream.concat(c.dangling().stream(), c.waitingForDependentsDeletion().stream())
          .map(OwnerReference::uid).toList();
      LOG.debug("{} has an owner; removing its references to {}", item.identity(), ownerUids);
      ops.patch(item, Patches.deleteOwnerRefStrategicMerge(item.uid(), ownerUids),
          live -> Patches.deleteOwnerRefJsonMerge(live, ownerUids));
      return Outcome.DONE;
    }
    if (!c.waitingForDependentsDeletion().isEmpty() && item.dependentsLength() > 0) {
      for (Node dep : item.dependents()) {
        if (dep.isDeletingDependents()) {
          // its dependent waits for it and it would wait for its dependent: a possible cycle. Stop
          // blocking its owners first (this detection has false positives, as upstream's)
          LOG.info("{} and its dependent {} both delete dependents; unblocking its owners", item.identity(),
              dep.identity());
          ops.patch(item, Patches.unblockOwnerReferencesStrategicMerge(item),
              live -> Patches.unblockOwnerReferencesJsonMerge(live, item));
          break;
        }
      }
      // its own dependents go first; once they are gone, processDeletingDependentsItem lets it go
      return delete(item, latest, FOREGROUND);
    }
    // no owner left: honour a finalizer it already carries, otherwise delete it in the background
    String policy = latest.hasFinalizer(ObjectMetadata.FINALIZER_ORPHAN) ? ORPHAN
        : latest.hasFinalizer(ObjectMetadata.FINALIZER_DELETE_DEPENDENTS) ? FOREGROUND : BACKGROUND;
    return delete(item, latest, policy);
  }

  /**
   * The object as it is now. Upstream GETs it every time, with a TODO that only a virtual node needs
   * that; here an observed node is read from its monitor's cache, which saves half the requests of a
   * mass collection. A stale cache cannot cause a wrong deletion: the DELETE is conditional on the
   * resourceVersion read, and a conflict leads to a live GET (see {@link Operations#deleteObject}).
   */
  private Optional<ObjectMetadata> latest(Node item) {
    if (item.isObserved()) {
      ObjectReference id = item.identity();
      RestMapper.Mapping m = ops.apiResource(id.apiVersion(), id.kind());
      Optional<ObjectMetadata> cached = monitors.cached(m, id.namespace(), id.name())
          .filter(o -> o.uid().equals(item.uid()));
      if (cached.isPresent()) {
        return cached;
      }
    }
    return ops.getObject(item.identity());
  }

  private Outcome delete(Node item, ObjectMetadata latest, String policy) {
    LOG.debug("deleting {} with propagationPolicy {}", item.identity(), policy);
    try {
      ops.deleteObject(item.identity(), latest.resourceVersion(), latest.ownerReferences(), policy);
      return Outcome.DONE;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        graph.enqueueVirtualDeleteEvent(item.identity());
        return Outcome.VIRTUAL_DELETE_EVENT_ENQUEUED;
      }
      throw e;
    }
  }

  /**
   * An owner deleting its dependents in the foreground: queue the dependents that hold it up, or,
   * when none is left, remove its {@code foregroundDeletion} finalizer so that the apiserver
   * completes its deletion.
   */
  private void processDeletingDependentsItem(Node item) {
    List<Node> blocking = item.blockingDependents();
    if (blocking.isEmpty()) {
      ops.removeFinalizer(item, ObjectMetadata.FINALIZER_DELETE_DEPENDENTS);
      return;
    }
    for (Node dep : blocking) {
      if (!dep.isDeletingDependents()) {
        attemptToDelete.accept(dep.uid());
      }
    }
  }

  /**
   * Sorts an object's owners ({@code classifyReferences}): solid (present), dangling (absent), or
   * waiting for dependents deletion (present, being deleted with {@code foregroundDeletion}).
   */
  private Classified classifyReferences(Node item, List<OwnerReference> refs)
      throws NamespacedOwnerOfClusterScopedObject {
    List<OwnerReference> solid = new ArrayList<>();
    List<OwnerReference> dangling = new ArrayList<>();
    List<OwnerReference> waiting = new ArrayList<>();
    for (OwnerReference ref : refs) {
      Optional<ObjectMetadata> owner = liveOwner(ref, item);
      if (owner.isEmpty()) {
        dangling.add(ref);
      } else if (owner.get().beingDeleted() && owner.get().hasFinalizer(ObjectMetadata.FINALIZER_DELETE_DEPENDENTS)) {
        waiting.add(ref);
      } else {
        solid.add(ref);
      }
    }
    return new Classified(solid, dangling, waiting);
  }

  /**
   * The owner {@code ref} names, or empty when the reference is dangling ({@code isDangling}
   * upstream): known absent, not found by name, or found with another uid.
   */
  private Optional<ObjectMetadata> liveOwner(OwnerReference ref, Node item)
      throws NamespacedOwnerOfClusterScopedObject {
    String itemNamespace = item.identity().namespace();
    ObjectReference clusterScopedKey = ObjectReference.of(ref, "");
    ObjectReference namespacedKey = ObjectReference.of(ref, itemNamespace);
    if (absentOwnerCache.has(clusterScopedKey) || absentOwnerCache.has(namespacedKey)) {
      return Optional.empty();
    }
    RestMapper.Mapping m = ops.apiResource(ref.apiVersion(), ref.kind());
    if (itemNamespace.isEmpty() && m.namespaced()) {
      throw new NamespacedOwnerOfClusterScopedObject(item, ref);
    }
    ObjectReference key = m.namespaced() ? namespacedKey : clusterScopedKey;
    Optional<ObjectMetadata> owner = ops.getObject(key);
    if (owner.isEmpty() || !owner.get().uid().equals(ref.uid())) {
      absentOwnerCache.add(key);
      return Optional.empty();
    }
    return owner;
  }
}
