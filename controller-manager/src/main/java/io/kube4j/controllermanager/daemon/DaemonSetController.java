package io.kube4j.controllermanager.daemon;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.controller.ControllerExpectations;
import io.kube4j.controllermanager.controller.ControllerRefManager;
import io.kube4j.controllermanager.controller.ControllerRefs;
import io.kube4j.controllermanager.controller.EnqueueingHandler;
import io.kube4j.controllermanager.controller.Keys;
import io.kube4j.componentbase.labels.LabelSelectors;
import io.kube4j.controllermanager.controller.PodControl;
import io.kube4j.controllermanager.controller.PodStatuses;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import io.kube4j.controllermanager.history.History;
import io.kube4j.controllermanager.record.ApiEventRecorder;
import io.kube4j.controllermanager.record.EventRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The DaemonSet controller ({@code DaemonSetsController}): for each DaemonSet, reconcile its
 * ControllerRevisions, create and delete pods node by node ({@link DaemonSetSync}), roll out a new
 * template ({@link RollingUpdate}) and write the status. Pod events lower the expectations that
 * keep it from acting twice on the same pods; node events queue the DaemonSets whose verdict for
 * that node changed.
 */
public final class DaemonSetController implements AutoCloseable {

  public static final String NAME = "daemonset-controller";
  public static final String SERVICE_ACCOUNT = "daemon-set-controller";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("daemonset"), false,
      DaemonSetController::start);
  /** {@code --concurrent-daemonset-syncs}. */
  static final int WORKERS = 2;
  static final String SELECTING_ALL = "SelectingAll";

  private final SharedIndexInformer<DaemonSet> daemonSets;
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<Node> nodes;
  private final KubernetesClient client;
  private final ApiEventRecorder recorder;
  private final PodControl podControl;
  private final Clock clock;
  private final ControllerExpectations expectations;
  private final FailedPodsBackoff backoff;
  private final ReconcileLoop loop;
  private final DaemonSetSync sync;
  private final DaemonSetHistory history;
  private final DaemonSetStatusUpdater status;

  private DaemonSetController(ControllerContext context, Clock clock) {
    this.daemonSets = context.informers().forType(DaemonSet.class);
    this.pods = context.informers().forType(Pod.class);
    this.nodes = context.informers().forType(Node.class);
    SharedIndexInformer<ControllerRevision> revisions = context.informers().forType(ControllerRevision.class);
    this.client = context.clientFor(SERVICE_ACCOUNT);
    this.clock = clock;
    this.recorder = new ApiEventRecorder(client, NAME, clock);
    this.expectations = new ControllerExpectations(clock);
    this.backoff = new FailedPodsBackoff(clock);
    this.podControl = new PodControl(client, recorder);
    this.loop = context.loop(NAME, this::syncDaemonSet);
    this.sync = new DaemonSetSync(podControl, expectations, backoff, recorder,
        (ds, delay) -> loop.queue().addAfter(Keys.of(ds), delay));
    this.history = new DaemonSetHistory(client, new History(client, revisions));
    this.status = new DaemonSetStatusUpdater(client);
    daemonSets.addEventHandler(EnqueueingHandler.own(loop));
    pods.addEventHandler(new PodHandler());
    nodes.addEventHandler(new NodeHandler());
    revisions.addEventHandler(new EnqueueingHandler<ControllerRevision>(r -> ControllerRefs.controllerOf(r)
        .flatMap(ref -> resolveControllerRef(r.getMetadata().getNamespace(), ref)).map(Keys::of).orElse(null),
        loop::enqueue));
  }

  static AutoCloseable start(ControllerContext context) {
    DaemonSetController c = new DaemonSetController(context, Clock.systemUTC());
    c.loop.start(WORKERS);
    return c;
  }

  /** {@code syncDaemonSet}. */
  void syncDaemonSet(String key) {
    DaemonSet ds = daemonSets.getIndexer().getByKey(key);
    if (ds == null) {
      expectations.delete(key);
      return;
    }
    List<Node> nodeList = nodes.getStore().list();
    if (LabelSelectors.isEmpty(ds.getSpec().getSelector())) {
      recorder.event(DaemonSetSync.reference(ds), EventRecorder.TYPE_WARNING, SELECTING_ALL,
          "This daemon set is selecting all pods. A non-empty selector is required.");
      return;
    }
    // being deleted: its revisions may be going too, so its status cannot be computed reliably
    if (ds.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    DaemonSetHistory.Revisions revisions = history.construct(ds, () -> fresh(ds), () -> daemonPods(ds));
    String hash = revisions.hash();
    if (!expectations.satisfied(key)) {
      // only the status: observedGeneration stays, this generation has not been acted on
      updateStatus(ds, nodeList, hash, false);
      return;
    }
    RuntimeException failure = null;
    try {
      sync.manage(ds, nodeList, nodesToDaemonPods(ds, false), hash);
      if (expectations.satisfied(key) && "RollingUpdate".equals(ds.getSpec().getUpdateStrategy().getType())) {
        RollingUpdate.Plan plan = RollingUpdate.plan(ds, nodeList, nodesToDaemonPods(ds, false), hash, clock.instant());
        sync.syncNodes(ds, plan.podsToDelete(), plan.nodesToCreate(), hash);
      }
      history.cleanup(ds, revisions.old(), nodesToDaemonPods(ds, true));
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      updateStatus(ds, nodeList, hash, true);
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void updateStatus(DaemonSet ds, List<Node> nodeList, String hash, boolean updateObservedGeneration) {
    var counts = DaemonSetStatusUpdater.compute(ds, nodeList, nodesToDaemonPods(ds, false), hash, clock.instant());
    status.store(ds, counts, updateObservedGeneration);
    // a last line of defence against clock skew: look again once pods should have become available
    int minReady = DaemonSetSync.minReadySeconds(ds);
    if (minReady > 0 && !Objects.equals(counts.getNumberReady(), counts.getNumberAvailable())) {
      loop.queue().addAfter(Keys.of(ds), Duration.ofSeconds(minReady));
    }
  }

  /**
   * {@code getNodesToDaemonPods}: the DaemonSet's pods (after adoption and release) by the node each
   * is for. Terminal pods already being deleted are left out unless {@code includeDeletedTerminal}
   * (history cleanup keeps the revisions they use).
   */
  Map<String, List<Pod>> nodesToDaemonPods(DaemonSet ds, boolean includeDeletedTerminal) {
    Map<String, List<Pod>> byNode = new HashMap<>();
    for (Pod pod : daemonPods(ds)) {
      if (!includeDeletedTerminal && PodStatuses.isTerminal(pod) && pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      DaemonPods.targetNodeName(pod).ifPresent(n -> byNode.computeIfAbsent(n, k -> new ArrayList<>()).add(pod));
    }
    return byNode;
  }

  /** {@code getDaemonPods}: claims the namespace's pods through a {@link ControllerRefManager}. */
  private List<Pod> daemonPods(DaemonSet ds) {
    var manager = new ControllerRefManager<Pod>(ds, "apps/v1", "DaemonSet", ds.getSpec().getSelector(),
        () -> fresh(ds), (pod, patch) -> podControl.patchPod(pod.getMetadata().getNamespace(),
            pod.getMetadata().getName(), patch));
    return manager.claim(pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, ds.getMetadata().getNamespace()));
  }

  /**
   * The DaemonSet as the apiserver has it now ({@code RecheckDeletionTimestamp}'s getter); throws if
   * it is gone or was replaced by another of the same name.
   */
  private DaemonSet fresh(DaemonSet ds) {
    DaemonSet f = client.apps().daemonSets().inNamespace(ds.getMetadata().getNamespace())
        .withName(ds.getMetadata().getName()).get();
    if (f == null || !f.getMetadata().getUid().equals(ds.getMetadata().getUid())) {
      throw new IllegalStateException("original DaemonSet " + Keys.of(ds) + " is gone");
    }
    return f;
  }

  /** {@code resolveControllerRef}: the DaemonSet the reference names, if it has the referenced uid. */
  private Optional<DaemonSet> resolveControllerRef(String namespace, OwnerReference ref) {
    if (!"DaemonSet".equals(ref.getKind())) {
      return Optional.empty();
    }
    return Optional.ofNullable(daemonSets.getIndexer().getByKey(namespace + "/" + ref.getName()))
        .filter(ds -> ds.getMetadata().getUid().equals(ref.getUid()));
  }

  /** {@code getDaemonSetsForPod}: the DaemonSets whose selector matches an orphan pod. */
  private List<DaemonSet> daemonSetsForPod(Pod pod) {
    return daemonSets.getIndexer().byIndex(Cache.NAMESPACE_INDEX, pod.getMetadata().getNamespace()).stream()
        .filter(ds -> !LabelSelectors.isEmpty(ds.getSpec().getSelector())
            && LabelSelectors.matches(ds.getSpec().getSelector(), pod.getMetadata().getLabels())).toList();
  }

  /** Pod events: expectations first, then the owning DaemonSet (or, for an orphan, every candidate) is queued. */
  private final class PodHandler implements ResourceEventHandler<Pod> {
    @Override
    public void onAdd(Pod pod) {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        onDelete(pod, false);
        return;
      }
      Optional<OwnerReference> ref = ControllerRefs.controllerOf(pod);
      if (ref.isPresent()) {
        resolveControllerRef(pod.getMetadata().getNamespace(), ref.get()).ifPresent(ds -> {
          expectations.creationObserved(Keys.of(ds));
          loop.enqueue(Keys.of(ds));
        });
        return;
      }
      daemonSetsForPod(pod).forEach(ds -> loop.enqueue(Keys.of(ds)));
    }

    @Override
    public void onUpdate(Pod old, Pod cur) {
      if (Objects.equals(old.getMetadata().getResourceVersion(), cur.getMetadata().getResourceVersion())) {
        return;
      }
      if (cur.getMetadata().getDeletionTimestamp() != null) {
        onDelete(cur, false);
        return;
      }
      Optional<OwnerReference> curRef = ControllerRefs.controllerOf(cur);
      Optional<OwnerReference> oldRef = ControllerRefs.controllerOf(old);
      if (oldRef.isPresent() && (curRef.isEmpty() || !oldRef.get().getUid().equals(curRef.get().getUid()))) {
        resolveControllerRef(old.getMetadata().getNamespace(), oldRef.get()).ifPresent(ds -> loop.enqueue(Keys.of(ds)));
      }
      if (curRef.isPresent()) {
        resolveControllerRef(cur.getMetadata().getNamespace(), curRef.get()).ifPresent(ds -> loop.enqueue(Keys.of(ds)));
        return;
      }
      if (!Objects.equals(old.getMetadata().getLabels(), cur.getMetadata().getLabels()) || oldRef.isPresent()) {
        daemonSetsForPod(cur).forEach(ds -> loop.enqueue(Keys.of(ds)));
      }
    }

    @Override
    public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
      // counted once per pod: the update that set deletionTimestamp and the final delete both come here
      ControllerRefs.controllerOf(pod).flatMap(ref -> resolveControllerRef(pod.getMetadata().getNamespace(), ref))
          .ifPresent(ds -> {
            expectations.deletionObserved(Keys.of(ds), Keys.of(pod));
            loop.enqueue(Keys.of(ds));
          });
    }
  }

  /** Node events queue the DaemonSets whose verdict for the node is (or changed to) something to act on. */
  private final class NodeHandler implements ResourceEventHandler<Node> {
    @Override
    public void onAdd(Node node) {
      for (DaemonSet ds : daemonSets.getStore().list()) {
        if (NodeEligibility.nodeShouldRunDaemonPod(node, ds).shouldRun()) {
          loop.enqueue(Keys.of(ds));
        }
      }
    }

    @Override
    public void onUpdate(Node old, Node cur) {
      if (shouldIgnoreNodeUpdate(old, cur)) {
        return;
      }
      for (DaemonSet ds : daemonSets.getStore().list()) {
        if (!NodeEligibility.nodeShouldRunDaemonPod(old, ds).equals(NodeEligibility.nodeShouldRunDaemonPod(cur, ds))) {
          loop.enqueue(Keys.of(ds));
        }
      }
    }

    @Override
    public void onDelete(Node node, boolean deletedFinalStateUnknown) {
      // the node's unscheduled pods would never be bound, nor collected by pod GC
      daemonSets.getStore().list().forEach(ds -> loop.enqueue(Keys.of(ds)));
    }
  }

  /**
   * {@code shouldIgnoreNodeUpdate}: what a DaemonSet looks at is labels, taints and the like; a
   * kubelet's heartbeat (conditions' times, resourceVersion) changes none of it.
   */
  static boolean shouldIgnoreNodeUpdate(Node old, Node cur) {
    return Objects.equals(old.getMetadata().getLabels(), cur.getMetadata().getLabels())
        && Objects.equals(old.getSpec(), cur.getSpec());
  }

  @Override
  public void close() {
    loop.close();
    recorder.close();
  }
}
