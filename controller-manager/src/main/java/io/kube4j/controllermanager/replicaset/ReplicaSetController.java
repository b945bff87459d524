package io.kube4j.controllermanager.replicaset;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.componentbase.labels.LabelSelectors;
import io.kube4j.controllermanager.controller.ActivePodsWithRanks;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.controller.ControllerExpectations;
import io.kube4j.controllermanager.controller.ControllerRefManager;
import io.kube4j.controllermanager.controller.ControllerRefs;
import io.kube4j.controllermanager.controller.Keys;
import io.kube4j.controllermanager.controller.PodControl;
import io.kube4j.controllermanager.controller.PodStatuses;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import io.kube4j.controllermanager.record.ApiEventRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ReplicaSet controller ({@code ReplicaSetController}): one sync per ReplicaSet key claims the
 * active pods it selects, creates or deletes pods until their number is {@code spec.replicas}
 * (unless it is still waiting for the informer to show its previous creates and deletes, see
 * {@link ControllerExpectations}), then writes the status. ReplicationControllers run through the
 * same code with another {@link ReplicaSets}.
 */
public final class ReplicaSetController implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReplicaSetController.class);

  public static final String NAME = "replicaset-controller";
  /** Bound to {@code system:controller:replicaset-controller}: pods create/delete/list/patch/watch. */
  public static final String SERVICE_ACCOUNT = "replicaset-controller";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("replicaset"), false,
      ReplicaSetController::start);
  /**
   * {@code BurstReplicas}: at most this many creates or deletes per sync; the next sync (once the
   * informer has shown them) does more.
   */
  public static final int BURST_REPLICAS = 500;
  /** {@code --concurrent-replicaset-syncs}' default. */
  public static final int WORKERS = 5;
  /** Threads sending the creates and deletes of one batch concurrently, across all ReplicaSets. */
  static final int API_CALLERS = 16;

  private final ReplicaSets replicaSets;
  private final SharedIndexInformer<Pod> pods;
  private final PodControl podControl;
  private final ControllerExpectations expectations;
  private final Clock clock;
  private final ReconcileLoop loop;
  private final ExecutorService callers;
  private final ApiEventRecorder recorder;

  private ReplicaSetController(String name, ReplicaSets replicaSets, SharedIndexInformer<Pod> pods,
      KubernetesClient client, ControllerContext context, Clock clock) {
    this.replicaSets = replicaSets;
    this.pods = pods;
    this.clock = clock;
    this.recorder = new ApiEventRecorder(client, name, clock);
    this.podControl = new PodControl(client, recorder);
    this.expectations = new ControllerExpectations(clock);
    this.loop = context.loop(name, this::syncReplicaSet);
    this.callers = Executors.newFixedThreadPool(API_CALLERS, r -> {
      Thread t = new Thread(r, name + "-api");
      t.setDaemon(true);
      return t;
    });
  }

  static AutoCloseable start(ControllerContext context) {
    KubernetesClient client = context.clientFor(SERVICE_ACCOUNT);
    return run(NAME, new AppsV1ReplicaSets(context.informers().forType(ReplicaSet.class), client), client, context);
  }

  /**
   * Builds a controller for {@code replicaSets} ({@code NewBaseController}), registers its informer
   * handlers and starts its workers.
   *
   * @param name the controller's name: its queue, its events' source
   */
  public static ReplicaSetController run(String name, ReplicaSets replicaSets, KubernetesClient client,
      ControllerContext context) {
    ReplicaSetController c = new ReplicaSetController(name, replicaSets, context.informers().forType(Pod.class),
        client, context, Clock.systemUTC());
    replicaSets.addEventHandler(new ReplicaSetEventHandler(c));
    c.pods.addEventHandler(new PodEventHandler(c));
    c.loop.start(WORKERS);
    return c;
  }

  ReplicaSets replicaSets() {
    return replicaSets;
  }

  ControllerExpectations expectations() {
    return expectations;
  }

  ReconcileLoop loop() {
    return loop;
  }

  /**
   * {@code resolveControllerRef}: the ReplicaSet a controller reference names, if it is of this kind
   * and has the referenced UID (a ReplicaSet re-created under the same name is another one).
   */
  Optional<ReplicaSet> resolveControllerRef(String namespace, OwnerReference ref) {
    if (!replicaSets.kind().equals(ref.getKind())) {
      return Optional.empty();
    }
    return replicaSets.get(namespace + "/" + ref.getName()).filter(rs -> rs.getMetadata().getUid().equals(ref.getUid()));
  }

  /** {@code getPodReplicaSets}: the ReplicaSets whose selector matches an orphan's labels. */
  List<ReplicaSet> podReplicaSets(Pod pod) {
    return replicaSets.list(pod.getMetadata().getNamespace()).stream()
        .filter(rs -> LabelSelectors.matches(rs.getSpec().getSelector(), pod.getMetadata().getLabels())).toList();
  }

  /**
   * {@code syncReplicaSet}. Pods are claimed on every sync; pods are created or deleted only when the
   * expectations of the previous sync are satisfied and the ReplicaSet is not being deleted; the
   * status is always written. A failed create or delete is recorded in the status, then rethrown so
   * the key comes back with backoff.
   */
  void syncReplicaSet(String key) {
    Optional<ReplicaSet> found = replicaSets.get(key);
    if (found.isEmpty()) {
      expectations.delete(key);
      return;
    }
    ReplicaSet rs = found.get();
    boolean needsSync = expectations.satisfied(key);
    List<Pod> active = pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, rs.getMetadata().getNamespace()).stream()
        .filter(PodStatuses::isActive).toList();
    List<Pod> owned = claimPods(rs, active);

    Optional<RuntimeException> manageError = Optional.empty();
    if (needsSync && rs.getMetadata().getDeletionTimestamp() == null) {
      try {
        manageReplicas(key, owned, rs);
      } catch (RuntimeException e) {
        manageError = Optional.of(e);
      }
    }
    Instant now = clock.instant();
    ReplicaSetStatuses.update(replicaSets, rs, ReplicaSetStatuses.calculate(rs, owned, manageError, now));
    if (manageError.isPresent()) {
      throw manageError.get();
    }
    requeueForAvailability(key, rs, owned, now);
  }

  /**
   * Pods that are ready but not yet available count as available once {@code minReadySeconds} have
   * passed, which no event announces: look again then (plus a second, as upstream, for clock skew
   * between the writer of the Ready condition and this controller).
   */
  private void requeueForAvailability(String key, ReplicaSet rs, List<Pod> owned, Instant now) {
    int minReadySeconds = ReplicaSetStatuses.minReadySeconds(rs);
    owned.stream().map(p -> PodStatuses.untilAvailable(p, minReadySeconds, now)).flatMap(Optional::stream)
        .min(Duration::compareTo).ifPresent(d -> loop.queue().addAfter(key, d.plusSeconds(1)));
  }

  private List<Pod> claimPods(ReplicaSet rs, List<Pod> active) {
    ControllerRefManager<Pod> manager = new ControllerRefManager<>(rs, replicaSets.apiVersion(), replicaSets.kind(),
        rs.getSpec().getSelector(), () -> {
          ReplicaSet fresh = replicaSets.fetch(rs.getMetadata().getNamespace(), rs.getMetadata().getName());
          if (fresh == null || !fresh.getMetadata().getUid().equals(rs.getMetadata().getUid())) {
            throw new IllegalStateException("original " + replicaSets.kind() + " " + Keys.of(rs) + " is gone");
          }
          return fresh;
        }, (pod, patch) -> podControl.patchPod(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), patch));
    return manager.claim(active);
  }

  /** {@code manageReplicas}: create or delete up to {@link #BURST_REPLICAS} pods. */
  private void manageReplicas(String key, List<Pod> owned, ReplicaSet rs) {
    int diff = owned.size() - rs.getSpec().getReplicas();
    ObjectReference ref = ControllerRefs.referenceTo(rs, replicaSets.apiVersion(), replicaSets.kind());
    if (diff < 0) {
      int creating = Math.min(-diff, BURST_REPLICAS);
      // expect before creating: the informer may show a new pod before create() returns
      expectations.expectCreations(key, creating);
      LOG.debug("{} {}: too few replicas, need {}, creating {}", replicaSets.kind(), key, rs.getSpec().getReplicas(),
          creating);
      OwnerReference controllerRef = ControllerRefs.newControllerRef(rs, replicaSets.apiVersion(), replicaSets.kind());
      SlowStartBatch.Result result = SlowStartBatch.run(creating, SlowStartBatch.INITIAL_BATCH_SIZE, () -> {
        try {
          podControl.createPod(rs.getMetadata().getNamespace(), rs.getSpec().getTemplate(), rs, ref, controllerRef);
        } catch (KubernetesClientException e) {
          // a terminating namespace takes no more pods: nothing to retry
          if (!PodControl.hasCause(e, PodControl.NAMESPACE_TERMINATING_CAUSE)) {
            throw e;
          }
        }
      }, callers);
      // creates never attempted (or failed) will never be observed
      for (int i = result.successes(); i < creating; i++) {
        expectations.creationObserved(key);
      }
      result.error().ifPresent(e -> {
        throw e;
      });
    } else if (diff > 0) {
      int deleting = Math.min(diff, BURST_REPLICAS);
      List<Pod> victims = podsToDelete(owned, indirectlyRelatedPods(rs), deleting);
      expectations.expectDeletions(key, victims.stream().map(Keys::of).toList());
      LOG.debug("{} {}: too many replicas, need {}, deleting {}", replicaSets.kind(), key, rs.getSpec().getReplicas(),
          deleting);
      List<CompletableFuture<Void>> calls = new ArrayList<>();
      for (Pod victim : victims) {
        calls.add(CompletableFuture.runAsync(() -> {
          try {
            podControl.deletePod(rs.getMetadata().getNamespace(), victim.getMetadata().getName(), ref);
          } catch (KubernetesClientException e) {
            // the informer will not show this deletion
            expectations.deletionObserved(key, Keys.of(victim));
            if (e.getCode() != 404) {
              throw e;
            }
          }
        }, callers));
      }
      RuntimeException first = null;
      for (CompletableFuture<Void> call : calls) {
        try {
          call.join();
        } catch (CompletionException e) {
          if (first == null) {
            first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
          }
        }
      }
      if (first != null) {
        throw first;
      }
    }
  }

  /** {@code getPodsToDelete}: all of them, or the first {@code count} in deletion order. */
  List<Pod> podsToDelete(List<Pod> owned, List<Pod> related, int count) {
    if (count >= owned.size()) {
      return owned;
    }
    return ActivePodsWithRanks.sortForDeletion(owned, related, clock.instant()).subList(0, count);
  }

  /**
   * {@code getIndirectlyRelatedPods}: the pods of every ReplicaSet with the same controller (the
   * ReplicaSets of one Deployment), for ranking pods by how crowded their node is.
   */
  private List<Pod> indirectlyRelatedPods(ReplicaSet rs) {
    Optional<OwnerReference> controller = ControllerRefs.controllerOf(rs);
    if (controller.isEmpty()) {
      return List.of();
    }
    List<Pod> inNamespace = pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, rs.getMetadata().getNamespace());
    Set<String> seen = new HashSet<>();
    List<Pod> related = new ArrayList<>();
    for (ReplicaSet sibling : replicaSets.list(rs.getMetadata().getNamespace())) {
      if (!ControllerRefs.isControlledBy(sibling, controller.get().getUid())) {
        continue;
      }
      for (Pod pod : inNamespace) {
        if (LabelSelectors.matches(sibling.getSpec().getSelector(), pod.getMetadata().getLabels()) && seen.add(pod.getMetadata().getUid())) {
          related.add(pod);
        }
      }
    }
    return related;
  }

  @Override
  public void close() {
    loop.close();
    callers.shutdownNow();
    recorder.close();
  }
}
