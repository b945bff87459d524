package io.kube4j.controllermanager.garbagecollector;

import static io.kube4j.controllermanager.garbagecollector.GraphObjects.clusterRole;
import static io.kube4j.controllermanager.garbagecollector.GraphObjects.configMap;
import static io.kube4j.controllermanager.garbagecollector.GraphObjects.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.controllermanager.workqueue.RateLimiters;
import io.kube4j.controllermanager.workqueue.RateLimitingQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dependency graph: informer events in, graph and queued uids out. Each test feeds events to
 * {@link GraphBuilder#processGraphChanges} as its thread would, then reads the graph and drains the
 * attemptToDelete and attemptToOrphan queues.
 */
class GraphBuilderTest {

  record Recorded(io.fabric8.kubernetes.api.model.ObjectReference involved, String type, String reason,
      String message) {}

  private final RateLimitingQueue<String> attemptToDelete =
      new RateLimitingQueue<>("delete", RateLimiters.defaultControllerRateLimiter());
  private final RateLimitingQueue<String> attemptToOrphan =
      new RateLimitingQueue<>("orphan", RateLimiters.defaultControllerRateLimiter());
  private final ReferenceCache absentOwnerCache = new ReferenceCache(10);
  private final List<Recorded> events = new ArrayList<>();
  private final GraphBuilder graph = new GraphBuilder(attemptToDelete, attemptToOrphan, absentOwnerCache,
      (involved, type, reason, message) -> events.add(new Recorded(involved, type, reason, message)));

  private final GraphObjects.Meta owner = configMap("ns", "owner");
  private final GraphObjects.Meta dep1 = secret("ns", "dep-1").ownedBy(owner);
  private final GraphObjects.Meta dep2 = configMap("ns", "dep-2").blockingOwner(owner);

  @Test
  void aDependentSeenBeforeItsOwnerCreatesAVirtualOwnerNodeAndQueuesItForVerification() {
    graph.processGraphChanges(dep1.added());

    Node virtual = graph.node(owner.uid()).orElseThrow();
    assertThat(virtual.isObserved()).isFalse();
    assertThat(virtual.identity()).isEqualTo(owner.identity());
    assertThat(virtual.dependents()).extracting(Node::uid).containsExactly(dep1.uid());
    assertThat(drain(attemptToDelete)).containsExactly(owner.uid());
  }

  @Test
  void theOwnerObservedLaterMakesTheVirtualNodeRealAndKeepsItsDependents() {
    graph.processGraphChanges(dep1.added());
    drain(attemptToDelete);

    graph.processGraphChanges(owner.added());

    Node n = graph.node(owner.uid()).orElseThrow();
    assertThat(n.isObserved()).isTrue();
    assertThat(n.dependents()).extracting(Node::uid).containsExactly(dep1.uid());
    assertThat(drain(attemptToDelete)).isEmpty();
  }

  @Test
  void anOwnerSeenFirstGetsItsDependentsWithoutAnythingQueued() {
    graph.processGraphChanges(owner.added());
    graph.processGraphChanges(dep1.added());
    graph.processGraphChanges(dep2.added());

    assertThat(graph.node(owner.uid()).orElseThrow().dependents()).extracting(Node::uid)
        .containsExactlyInAnyOrder(dep1.uid(), dep2.uid());
    assertThat(graph.node(dep1.uid()).orElseThrow().owners()).containsExactly(owner.ref(false));
    assertThat(drain(attemptToDelete)).isEmpty();
    assertThat(drain(attemptToOrphan)).isEmpty();
  }

  @Test
  void theOwnerDeletedQueuesEachDependentAndIsRememberedAsAbsent() {
    graph.processGraphChanges(owner.added());
    graph.processGraphChanges(dep1.added());
    graph.processGraphChanges(dep2.added());

    graph.processGraphChanges(owner.deleted());

    assertThat(graph.node(owner.uid())).isEmpty();
    assertThat(drain(attemptToDelete)).containsExactlyInAnyOrder(dep1.uid(), dep2.uid());
    assertThat(absentOwnerCache.has(owner.identity())).isTrue();
  }

  @Test
  void anObjectWithoutDependentsDeletedLeavesNoTrace() {
    graph.processGraphChanges(owner.added());

    graph.processGraphChanges(owner.deleted());

    assertThat(graph.size()).isZero();
    assertThat(absentOwnerCache.has(owner.identity())).isFalse();
    assertThat(drain(attemptToDelete)).isEmpty();
  }

  @Test
  void aDependentDeletedLeavesItsOwnersDependentsAndTheGraph() {
    graph.processGraphChanges(owner.added());
    graph.processGraphChanges(dep1.added());

    graph.processGraphChanges(dep1.deleted());

    assertThat(graph.node(dep1.uid())).isEmpty();
    assertThat(graph.node(owner.uid()).orElseThrow().dependents()).isEmpty();
    assertThat(drain(attemptToDelete)).isEmpty();
  }

  @Test
  void foregroundDeletionStartingQueuesTheOwnerAndEveryDependent() {
    graph.processGraphChanges(owner.added());
    graph.processGraphChanges(dep1.added());
    graph.processGraphChanges(dep2.added());

    GraphObjects.Meta deleting = configMap("ns", "owner").deleting("foregroundDeletion");
    graph.processGraphChanges(deleting.updatedFrom(owner));

    Node n = graph.node(owner.uid()).orElseThrow();
    assertThat(n.isDeletingDependents()).isTrue();
    assertThat(n.isBeingDeleted()).isTrue();
    assertThat(n.blockingDependents()).extracting(Node::uid).containsExactly(dep2.uid());
    assertThat(drain(attemptToDelete)).containsExactlyInAnyOrder(owner.uid(), dep1.uid(), dep2.uid());
    assertThat(drain(attemptToOrphan)).isEmpty();
  }

  @Test
  void aForegroundDeletionAlreadyUnderWayIsNotStartedAgain() {
    GraphObjects.Meta deleting = configMap("ns", "owner").deleting("foregroundDeletion");
    graph.processGraphChanges(deleting.added());
    graph.processGraphChanges(dep1.added());
    drain(attemptToDelete);

    graph.processGraphChanges(configMap("ns", "owner").deleting("foregroundDeletion").updatedFrom(deleting));

    assertThat(drain(attemptToDelete)).isEmpty();
  }

  @Test
  void anOwnerFirstSeenAlreadyDeletingItsDependentsIsQueued() {
    graph.processGraphChanges(configMap("ns", "owner").deleting("foregroundDeletion").added());

    assertThat(graph.node(owner.uid()).orElseThrow().isDeletingDependents()).isTrue();
    assertThat(drain(attemptToDelete)).containsExactly(owner.uid());
  }

  @Test
  void orphanDeletionStartingQueuesTheOwnerToAttemptToOrphan() {
    graph.processGraphChanges(owner.added());
    graph.processGraphChanges(dep1.added());

    graph.processGraphChanges(configMap("ns", "owner").deleting("orphan").updatedFrom(owner));

    assertThat(drain(attemptToOrphan)).containsExactly(owner.uid());
    assertThat(drain(attemptToDelete)).isEmpty();
    assertThat(graph.node(owner.uid()).orElseThrow().isDeletingDependents()).isFalse();
  }

  @Test
  void aBlockingDependentGoneQueuesTheOwnerDeletingItsDependents() {
    GraphObjects.Meta deleting = configMap("ns", "owner").deleting("foregroundDeletion");
    graph.processGraphChanges(deleting.added());
    graph.processGraphChanges(dep2.added());
    drain(attemptToDelete);

    graph.processGraphChanges(dep2.deleted());

    assertThat(drain(attemptToDelete)).containsExactly(owner.uid());
  }

  @Test
  void aBlockingReferenceRemovedOrUnblockedQueuesTheOwner() {
    graph.processGraphChanges(owner.added());
    graph.processGraphChanges(dep2.added());

    GraphObjects.Meta unblocked = configMap("ns", "dep-2").ownedBy(owner);
    graph.processGraphChanges(unblocked.updatedFrom(dep2));
    assertThat(drain(attemptToDelete)).containsExactly(owner.uid());

    GraphObjects.Meta noOwner = configMap("ns", "dep-2");
    graph.processGraphChanges(noOwner.updatedFrom(unblocked));
    assertThat(drain(attemptToDelete)).as("a non-blocking reference removed unblocks nothing").isEmpty();
    assertThat(graph.node(owner.uid()).orElseThrow().dependents()).isEmpty();
  }

  @Test
  void aReferenceAddedByAnUpdateAddsTheDependentToItsNewOwner() {
    GraphObjects.Meta other = configMap("ns", "other");
    graph.processGraphChanges(owner.added());
    graph.processGraphChanges(other.added());
    graph.processGraphChanges(dep1.added());

    GraphObjects.Meta moved = secret("ns", "dep-1").ownedBy(other);
    graph.processGraphChanges(moved.updatedFrom(dep1));

    assertThat(graph.node(owner.uid()).orElseThrow().dependents()).isEmpty();
    assertThat(graph.node(other.uid()).orElseThrow().dependents()).extracting(Node::uid).containsExactly(dep1.uid());
    assertThat(graph.node(dep1.uid()).orElseThrow().owners()).containsExactly(other.ref(false));
  }

  @Test
  void aVirtualOwnerFoundAbsentIsRemovedAndItsDependentsQueued() {
    graph.processGraphChanges(dep1.added());
    graph.processGraphChanges(dep2.added());
    drain(attemptToDelete);

    graph.processGraphChanges(virtualDelete(owner.identity()));

    assertThat(graph.node(owner.uid())).isEmpty();
    assertThat(drain(attemptToDelete)).containsExactlyInAnyOrder(dep1.uid(), dep2.uid());
    assertThat(absentOwnerCache.has(owner.identity())).isTrue();
  }

  @Test
  void dependentsDisagreeingOnTheOwnersKindKeepTheVirtualNodeUnderTheNextIdentity() {
    // two dependents name the same uid, one as a ConfigMap, one as a Secret
    GraphObjects.Meta asSecret = secret("ns", "owner").uid(owner.uid());
    GraphObjects.Meta depA = configMap("ns", "a").ownedBy(owner);
    GraphObjects.Meta depB = configMap("ns", "b").ownedBy(asSecret);
    graph.processGraphChanges(depA.added());
    graph.processGraphChanges(depB.added());
    drain(attemptToDelete);

    // the collector found no ConfigMap "owner" with that uid
    graph.processGraphChanges(virtualDelete(owner.identity()));

    Node n = graph.node(owner.uid()).orElseThrow();
    assertThat(n.identity()).isEqualTo(asSecret.identity());
    assertThat(absentOwnerCache.has(owner.identity())).isTrue();
    // the dependent that named the absent identity at once, and the node under its next identity
    // rate-limited (5 ms on the default limiter: on a loaded machine it may already be due here)
    List<String> queued = new ArrayList<>(drain(attemptToDelete));
    assertThat(queued).as("the dependent that named the absent identity, first").startsWith(depA.uid());
    if (!queued.contains(owner.uid())) {
      queued.add(awaitOne(attemptToDelete));
    }
    assertThat(queued).containsExactly(depA.uid(), owner.uid());
  }

  @Test
  void aVirtualDeleteUnderOtherCoordinatesDoesNotRemoveAnObservedNode() {
    graph.processGraphChanges(owner.added());
    GraphObjects.Meta wrongKind = secret("ns", "owner").uid(owner.uid());
    GraphObjects.Meta misled = configMap("ns", "misled").ownedBy(wrongKind);
    graph.processGraphChanges(misled.added());
    assertThat(drain(attemptToDelete)).as("a reference not matching the observed owner is checked")
        .containsExactly(misled.uid());

    graph.processGraphChanges(virtualDelete(wrongKind.identity()));

    assertThat(graph.node(owner.uid())).isPresent();
    assertThat(drain(attemptToDelete)).containsExactly(misled.uid());
    assertThat(absentOwnerCache.has(wrongKind.identity())).isTrue();
  }

  @Test
  void aDependentNamingAnObservedOwnerInAnotherNamespaceIsReportedAndQueued() {
    graph.processGraphChanges(owner.added());
    GraphObjects.Meta elsewhere = configMap("other-ns", "elsewhere").ownedBy(owner);

    graph.processGraphChanges(elsewhere.added());

    assertThat(drain(attemptToDelete)).containsExactly(elsewhere.uid());
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.reason()).isEqualTo("OwnerRefInvalidNamespace");
      assertThat(e.type()).isEqualTo("Warning");
      assertThat(e.involved().getName()).isEqualTo("elsewhere");
      assertThat(e.involved().getNamespace()).isEqualTo("other-ns");
      assertThat(e.message()).isEqualTo("ownerRef [v1/ConfigMap, namespace: other-ns, name: owner, uid: uid-ns-owner]"
          + " does not exist in namespace \"other-ns\"");
    });
  }

  @Test
  void aClusterScopedDependentSeenBeforeItsNamespacedOwnerIsReportedOnceTheOwnerIsObserved() {
    GraphObjects.Meta role = clusterRole("role").ownedBy(owner);
    graph.processGraphChanges(role.added());
    assertThat(drain(attemptToDelete)).containsExactly(owner.uid());
    assertThat(events).isEmpty();

    graph.processGraphChanges(owner.added());

    assertThat(drain(attemptToDelete)).containsExactly(role.uid());
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.involved().getKind()).isEqualTo("ClusterRole");
      assertThat(e.involved().getNamespace()).isNull();
      assertThat(e.message()).isEqualTo("ownerRef [v1/ConfigMap, namespace: , name: owner, uid: uid-ns-owner]"
          + " does not exist in namespace \"\"");
    });
    assertThat(graph.node(owner.uid()).orElseThrow().identity()).isEqualTo(owner.identity());
  }

  @Test
  void aNamespacedDependentOfAClusterScopedOwnerIsValid() {
    GraphObjects.Meta role = clusterRole("role");
    graph.processGraphChanges(role.added());
    GraphObjects.Meta cm = configMap("ns", "cm").ownedBy(role);

    graph.processGraphChanges(cm.added());

    assertThat(drain(attemptToDelete)).isEmpty();
    assertThat(events).isEmpty();
  }

  @Test
  void anObjectSeenUnderANewApiVersionTakesItAsItsIdentity() {
    GraphObjects.Meta v1 = new GraphObjects.Meta("apps/v1beta1", "Deployment", "ns", "web");
    graph.processGraphChanges(v1.added());

    GraphObjects.Meta v2 = new GraphObjects.Meta("apps/v1", "Deployment", "ns", "web");
    graph.processGraphChanges(v2.updatedFrom(v1));

    assertThat(graph.node(v1.uid()).orElseThrow().identity().apiVersion()).isEqualTo("apps/v1");
  }

  @Test
  void deletionStartsOnlyWhenTheFinalizerAndTheTimestampAreNew() {
    ObjectMetadata live = owner.build();
    ObjectMetadata foreground = configMap("ns", "owner").deleting("foregroundDeletion").build();
    ObjectMetadata withoutFinalizer = configMap("ns", "owner").deleting().build();

    assertThat(GraphBuilder.deletionStartsWithFinalizer(null, foreground, "foregroundDeletion")).isTrue();
    assertThat(GraphBuilder.deletionStartsWithFinalizer(live, foreground, "foregroundDeletion")).isTrue();
    assertThat(GraphBuilder.deletionStartsWithFinalizer(withoutFinalizer, foreground, "foregroundDeletion")).isTrue();
    assertThat(GraphBuilder.deletionStartsWithFinalizer(foreground, foreground, "foregroundDeletion")).isFalse();
    assertThat(GraphBuilder.deletionStartsWithFinalizer(live, foreground, "orphan")).isFalse();
    assertThat(GraphBuilder.deletionStartsWithFinalizer(live, withoutFinalizer, "foregroundDeletion")).isFalse();
  }

  /** What {@link GraphBuilder#enqueueVirtualDeleteEvent} queues once the collector found {@code ref} absent. */
  private static GraphBuilder.Event virtualDelete(ObjectReference ref) {
    return new GraphBuilder.Event(GraphBuilder.EventType.DELETE, true, ObjectMetadata.identity(ref), null,
        ref.apiVersion(), ref.kind());
  }

  /** The uids queued now, each taken and marked done. */
  private static List<String> drain(RateLimitingQueue<String> queue) {
    List<String> out = new ArrayList<>();
    try {
      while (queue.len() > 0) {
        String uid = queue.get().orElseThrow();
        queue.done(uid);
        out.add(uid);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return out;
  }

  /** The next uid, waiting for a rate-limited add (a few milliseconds). */
  private static String awaitOne(RateLimitingQueue<String> queue) {
    Conditions.await("a rate-limited add", Duration.ofSeconds(5), () -> queue.len() > 0);
    return drain(queue).get(0);
  }
}
