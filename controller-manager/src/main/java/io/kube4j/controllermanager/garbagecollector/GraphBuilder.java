package io.kube4j.controllermanager.garbagecollector;

import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.kube4j.controllermanager.record.EventRecorder;
import io.kube4j.controllermanager.workqueue.RateLimitingQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the dependency graph ({@code GraphBuilder}, upstream's {@code graph_builder.go}) and decides
 * which nodes the collector should look at.
 *
 * <p>The monitors (informers on every deletable resource) put {@link Event}s on {@code graphChanges};
 * one thread takes them off in order and updates {@code uidToNode}. It is the only writer of the
 * graph, so the graph needs no lock beyond the map's own and each node's dependents set. From the
 * changes it queues:
 *
 * <ul>
 *   <li>{@code attemptToDelete}: nodes that may be garbage (an owner went away, a virtual owner to
 *       verify, an owner deleting its dependents in the foreground and those dependents);
 *   <li>{@code attemptToOrphan}: owners that started being deleted with the {@code orphan} finalizer.
 * </ul>
 *
 * Both queues hold uids; a worker finds the node in the graph when it gets to it.
 */
final class GraphBuilder implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GraphBuilder.class);

  enum EventType { ADD, UPDATE, DELETE }

  /**
   * One change to the graph ({@code event}).
   *
   * @param virtual made up by the collector (an object it found absent), not seen by an informer
   * @param oldObj the previous state on an update, otherwise null
   * @param apiVersion the monitor's resource (or, for a virtual event, the node's) apiVersion
   */
  record Event(EventType type, boolean virtual, ObjectMetadata obj, ObjectMetadata oldObj, String apiVersion,
      String kind) {}

  private final Map<String, Node> uidToNode = new ConcurrentHashMap<>();
  /** Changes in the order the monitors saw them; taken off by the graph builder's thread only. */
  private final BlockingQueue<Event> graphChanges = new LinkedBlockingQueue<>();
  private final RateLimitingQueue<String> attemptToDelete;
  private final RateLimitingQueue<String> attemptToOrphan;
  private final ReferenceCache absentOwnerCache;
  private final EventRecorder recorder;
  private volatile Thread thread;

  GraphBuilder(RateLimitingQueue<String> attemptToDelete, RateLimitingQueue<String> attemptToOrphan,
      ReferenceCache absentOwnerCache, EventRecorder recorder) {
    this.attemptToDelete = attemptToDelete;
    this.attemptToOrphan = attemptToOrphan;
    this.absentOwnerCache = absentOwnerCache;
    this.recorder = recorder;
  }

  /** Starts the thread that applies {@code graphChanges} to the graph ({@code runProcessGraphChanges}). */
  void start() {
    Thread t = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Event e = graphChanges.take();
          try {
            processGraphChanges(e);
          } catch (RuntimeException ex) {
            LOG.error("processing {} of {} failed", e.type(), e.obj().uid(), ex);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "garbage-collector-graph-builder");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /** Called by the monitors' handlers: never blocks. */
  void enqueue(Event event) {
    graphChanges.add(event);
  }

  /**
   * The collector found {@code ref} absent from the apiserver: remove it from the graph as if an
   * informer had seen it deleted ({@code enqueueVirtualDeleteEvent}).
   */
  void enqueueVirtualDeleteEvent(ObjectReference ref) {
    graphChanges.add(new Event(EventType.DELETE, true, ObjectMetadata.identity(ref), null, ref.apiVersion(),
        ref.kind()));
  }

  Optional<Node> node(String uid) {
    return Optional.ofNullable(uidToNode.get(uid));
  }

  int size() {
    return uidToNode.size();
  }

  /** Applies one change to the graph and queues what it makes worth a look ({@code processGraphChanges}). */
  void processGraphChanges(Event event) {
    ObjectMetadata obj = event.obj();
    Node existing = uidToNode.get(obj.uid());
    if (existing != null && !event.virtual() && !existing.isObserved()) {
      // an informer saw the object a dependent named: the node is no longer virtual
      ObjectReference observed = identityFromEvent(event);
      if (!observed.equals(existing.identity())) {
        // dependents that named it with other coordinates may hold a wrong reference: let the
        // collector check them (the good owner, bad dependent order is handled in addDependentToOwners)
        for (Node dep : References.partitionDependents(existing.dependents(), observed).nonMatching()) {
          if (!observed.namespace().isEmpty() && !dep.identity().namespace().equals(observed.namespace())) {
            reportInvalidNamespaceOwnerRef(dep, observed.uid());
          }
          attemptToDelete.add(dep.uid());
        }
        LOG.debug("replacing virtual item {} with observed item {}", existing.identity(), observed);
        existing.setIdentity(observed);
      }
      existing.markObserved();
    }
    switch (event.type()) {
      case ADD, UPDATE -> {
        if (existing == null) {
          Node n = Node.observed(identityFromEvent(event), obj);
          uidToNode.put(n.uid(), n);
          addDependentToOwners(n, n.owners());
          // an informer may fold a creation and the start of a deletion into one event
          processTransitions(event.oldObj(), obj, n);
        } else {
          if (!event.virtual() && (!existing.identity().apiVersion().equals(event.apiVersion())
              || !existing.identity().kind().equals(event.kind()))) {
            existing.setIdentity(existing.identity().withType(event.apiVersion(), event.kind()));
          }
          References.Diff diff = References.diff(existing.owners(), obj.ownerReferences());
          if (!diff.isEmpty()) {
            existing.setOwners(obj.ownerReferences());
            addDependentToOwners(existing, diff.added());
            removeDependentFromOwners(existing, diff.removed());
            // only now: a worker taking an unblocked owner at once must find the graph updated
            // (upstream queues the owners first, and its worker can find the dependent still blocking)
            addUnblockedOwnersToDeleteQueue(diff);
          }
          if (obj.beingDeleted()) {
            existing.markBeingDeleted();
          }
          processTransitions(event.oldObj(), obj, existing);
        }
      }
      case DELETE -> {
        if (existing != null) {
          processDelete(event, existing);
        }
      }
    }
  }

  private void processDelete(Event event, Node existing) {
    boolean removeExistingNode = true;
    if (event.virtual()) {
      ObjectReference deleted = identityFromEvent(event);
      if (!existing.isObserved()) {
        // a virtual node: its coordinates come from its dependents, who may not agree on them
        References.Partition p = References.partitionDependents(existing.dependents(), deleted);
        if (!p.nonMatching().isEmpty()) {
          // some dependents name this uid with other coordinates: keep the node for them
          removeExistingNode = false;
          if (!p.matching().isEmpty()) {
            absentOwnerCache.add(deleted);
            p.matching().forEach(dep -> attemptToDelete.add(dep.uid()));
          }
          if (existing.identity().equals(deleted)) {
            // the identity just verified absent: try the next one a dependent gives
            References.alternateOwnerIdentity(p.nonMatching(), deleted).ifPresent(alt -> {
              existing.setIdentity(alt);
              attemptToDelete.addRateLimited(existing.uid());
            });
          }
        }
      } else if (!existing.identity().equals(deleted)) {
        // an observed node is not removed because of a lookup under other coordinates; but the
        // dependents that used those coordinates point at nothing
        removeExistingNode = false;
        List<Node> matching = References.partitionDependents(existing.dependents(), deleted).matching();
        if (!matching.isEmpty()) {
          absentOwnerCache.add(deleted);
          matching.forEach(dep -> attemptToDelete.add(dep.uid()));
        }
      }
    }
    if (!removeExistingNode) {
      return;
    }
    uidToNode.remove(existing.uid(), existing);
    removeDependentFromOwners(existing, existing.owners());
    List<Node> dependents = existing.dependents();
    if (!dependents.isEmpty()) {
      // the dependents will each ask whether this owner exists: it does not
      absentOwnerCache.add(identityFromEvent(event));
    }
    dependents.forEach(dep -> attemptToDelete.add(dep.uid()));
    for (OwnerReference owner : existing.owners()) {
      Node ownerNode = uidToNode.get(owner.uid());
      if (ownerNode != null && ownerNode.isDeletingDependents()) {
        // one blocking dependent fewer: the owner may be able to go now
        attemptToDelete.add(ownerNode.uid());
      }
    }
  }

  /**
   * Adds {@code n} to its owners' dependents ({@code addDependentToOwners}). An owner not in the graph
   * gets a virtual node, queued so that the collector asks the apiserver whether it exists. A
   * reference that does not match the owner as observed queues {@code n} for the same check.
   */
  private void addDependentToOwners(Node n, List<OwnerReference> owners) {
    boolean potentiallyInvalid = false;
    for (OwnerReference owner : owners) {
      Node ownerNode = uidToNode.get(owner.uid());
      if (ownerNode == null) {
        ownerNode = Node.virtual(ObjectReference.of(owner, n.identity().namespace()));
        uidToNode.put(owner.uid(), ownerNode);
        ownerNode.addDependent(n);
        attemptToDelete.add(owner.uid());
        continue;
      }
      ownerNode.addDependent(n);
      if (potentiallyInvalid) {
        continue;
      }
      ObjectReference o = ownerNode.identity();
      boolean ownerIsNamespaced = !o.namespace().isEmpty();
      if (ownerIsNamespaced && !o.namespace().equals(n.identity().namespace())) {
        // a namespaced owner is only ever in its dependent's namespace
        if (ownerNode.isObserved()) {
          reportInvalidNamespaceOwnerRef(n, owner.uid());
        }
        potentiallyInvalid = true;
      } else if (!o.matchesCoordinates(owner)) {
        potentiallyInvalid = true;
      } else if (!ownerIsNamespaced && !o.namespace().equals(n.identity().namespace()) && !ownerNode.isObserved()) {
        // a virtual owner first named by a cluster-scoped dependent, now named from a namespace: it may
        // be a namespaced object a cluster-scoped dependent wrongly points at (upstream issue 98040)
        potentiallyInvalid = true;
      }
    }
    if (potentiallyInvalid) {
      attemptToDelete.add(n.uid());
    }
  }

  private void removeDependentFromOwners(Node n, List<OwnerReference> owners) {
    for (OwnerReference owner : owners) {
      Node ownerNode = uidToNode.get(owner.uid());
      if (ownerNode != null) {
        ownerNode.deleteDependent(n);
      }
    }
  }

  /**
   * A blocking ownerReference removed, or changed to non-blocking, may be the last thing a
   * foreground-deleting owner waits for: queue the owner ({@code addUnblockedOwnersToDeleteQueue}).
   */
  private void addUnblockedOwnersToDeleteQueue(References.Diff diff) {
    List<String> unblocked = new ArrayList<>();
    diff.removed().stream().filter(OwnerReference::blocksOwnerDeletion).forEach(r -> unblocked.add(r.uid()));
    diff.changed().stream().filter(c -> c.oldRef().blocksOwnerDeletion() && !c.newRef().blocksOwnerDeletion())
        .forEach(c -> unblocked.add(c.newRef().uid()));
    for (String uid : unblocked) {
      if (uidToNode.containsKey(uid)) {
        attemptToDelete.add(uid);
      }
    }
  }

  /**
   * Acts on a deletion that has just started ({@code processTransitions}): with {@code orphan}, the
   * owner goes to attemptToOrphan; with {@code foregroundDeletion}, its dependents and itself go to
   * attemptToDelete.
   */
  private void processTransitions(ObjectMetadata oldObj, ObjectMetadata obj, Node n) {
    if (deletionStartsWithFinalizer(oldObj, obj, ObjectMetadata.FINALIZER_ORPHAN)) {
      attemptToOrphan.add(n.uid());
      return;
    }
    if (deletionStartsWithFinalizer(oldObj, obj, ObjectMetadata.FINALIZER_DELETE_DEPENDENTS)) {
      n.markDeletingDependents();
      n.dependents().forEach(dep -> attemptToDelete.add(dep.uid()));
      attemptToDelete.add(n.uid());
    }
  }

  /** {@code obj} is being deleted with {@code finalizer}, and {@code oldObj} was not. */
  static boolean deletionStartsWithFinalizer(ObjectMetadata oldObj, ObjectMetadata obj, String finalizer) {
    if (!obj.beingDeleted() || !obj.hasFinalizer(finalizer)) {
      return false;
    }
    return oldObj == null || !oldObj.beingDeleted() || !oldObj.hasFinalizer(finalizer);
  }

  /**
   * Records a warning Event on {@code n}: its ownerReference {@code invalidOwnerUid} names a namespaced
   * owner that is not in {@code n}'s namespace, so the collector treats the owner as absent (or, for
   * a cluster-scoped {@code n}, ignores the reference).
   */
  private void reportInvalidNamespaceOwnerRef(Node n, String invalidOwnerUid) {
    ObjectReference id = n.identity();
    n.owners().stream().filter(r -> r.uid().equals(invalidOwnerUid)).findFirst().ifPresent(ref -> {
      ObjectReference invalid = new ObjectReference(ref.apiVersion(), ref.kind(), ref.name(), ref.uid(),
          id.namespace());
      recorder.event(new ObjectReferenceBuilder().withApiVersion(id.apiVersion()).withKind(id.kind())
              .withNamespace(id.namespace().isEmpty() ? null : id.namespace()).withName(id.name())
              .withUid(id.uid()).build(),
          EventRecorder.TYPE_WARNING, "OwnerRefInvalidNamespace",
          "ownerRef " + invalid + " does not exist in namespace \"" + id.namespace() + "\"");
    });
  }

  private static ObjectReference identityFromEvent(Event event) {
    ObjectMetadata o = event.obj();
    return new ObjectReference(event.apiVersion(), event.kind(), o.name(), o.uid(), o.namespace());
  }

  @Override
  public void close() {
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }
}
