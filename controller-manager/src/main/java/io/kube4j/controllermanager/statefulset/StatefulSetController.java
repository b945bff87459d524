package io.kube4j.controllermanager.statefulset;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.controller.ControllerRefManager;
import io.kube4j.controllermanager.controller.ControllerRefs;
import io.kube4j.controllermanager.controller.EnqueueingHandler;
import io.kube4j.controllermanager.controller.Keys;
import io.kube4j.controllermanager.controller.PodControl;
import io.kube4j.componentbase.labels.LabelSelectors;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import io.kube4j.controllermanager.history.History;
import io.kube4j.controllermanager.record.ApiEventRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The StatefulSet controller ({@code StatefulSetController}): queues a StatefulSet when it, one of
 * its pods or one of its revisions changes; a sync adopts orphan revisions and pods (only pods named
 * after the set), then runs {@link StatefulSetControl}.
 */
public final class StatefulSetController implements AutoCloseable {

  public static final String NAME = "statefulset-controller";
  public static final String SERVICE_ACCOUNT = "statefulset-controller";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("statefulset"), false,
      StatefulSetController::start);
  /** {@code --concurrent-statefulset-syncs}. */
  static final int WORKERS = 5;

  private final SharedIndexInformer<StatefulSet> sets;
  private final SharedIndexInformer<Pod> pods;
  private final KubernetesClient client;
  private final ApiEventRecorder recorder;
  /** Adoption and release of pods ({@code RealPodControl}); creations go through {@link StatefulPodControl}. */
  private final PodControl podControl;
  private final History history;
  private final StatefulSetControl control;
  private final ReconcileLoop loop;

  private StatefulSetController(ControllerContext context, Clock clock) {
    this.sets = context.informers().forType(StatefulSet.class);
    this.pods = context.informers().forType(Pod.class);
    SharedIndexInformer<ControllerRevision> revisions = context.informers().forType(ControllerRevision.class);
    SharedIndexInformer<PersistentVolumeClaim> claims = context.informers().forType(PersistentVolumeClaim.class);
    this.client = context.clientFor(SERVICE_ACCOUNT);
    this.recorder = new ApiEventRecorder(client, NAME, clock);
    this.podControl = new PodControl(client, recorder);
    this.history = new History(client, revisions);
    this.control = new StatefulSetControl(new StatefulPodControl(client, claims, recorder), history,
        new StatefulSetStatusUpdater(client), clock);
    this.loop = context.loop(NAME, this::sync);
    sets.addEventHandler(EnqueueingHandler.own(loop));
    pods.addEventHandler(new PodHandler());
    revisions.addEventHandler(new EnqueueingHandler<ControllerRevision>(r -> ControllerRefs.controllerOf(r)
        .flatMap(ref -> resolveControllerRef(r.getMetadata().getNamespace(), ref)).map(Keys::of).orElse(null),
        loop::enqueue));
  }

  static AutoCloseable start(ControllerContext context) {
    StatefulSetController c = new StatefulSetController(context, Clock.systemUTC());
    c.loop.start(WORKERS);
    return c;
  }

  /** {@code sync}: adopt orphan revisions, claim pods, run the control loop, look again after minReadySeconds. */
  void sync(String key) {
    StatefulSet set = sets.getIndexer().getByKey(key);
    if (set == null) {
      return;
    }
    var selector = set.getSpec().getSelector();
    if (LabelSelectors.isEmpty(selector)) {
      return;  // the apiserver rejects such sets; one from an older version is left alone, as upstream
    }
    adoptOrphanRevisions(set);
    var manager = new ControllerRefManager<Pod>(set, "apps/v1", "StatefulSet", selector, () -> fresh(set),
        (pod, patch) -> podControl.patchPod(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), patch));
    List<Pod> claimed = manager.claim(pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, set.getMetadata().getNamespace()),
        p -> StatefulSets.isMemberOf(set, p));
    StatefulSetStatus status = control.updateStatefulSet(set, claimed);
    int minReady = StatefulSets.minReadySeconds(set);
    if (minReady > 0 && status != null && !Objects.equals(status.getAvailableReplicas(), StatefulSets.replicas(set))) {
      loop.queue().addAfter(key, Duration.ofSeconds(minReady));
    }
  }

  /**
   * {@code adoptOrphanRevisions}: revisions matching the selector without a controller become ours;
   * a set being deleted (or gone) adopts nothing and the sync is retried.
   */
  private void adoptOrphanRevisions(StatefulSet set) {
    List<ControllerRevision> orphans = history.list(set, set.getSpec().getSelector()).stream()
        .filter(r -> ControllerRefs.controllerOf(r).isEmpty()).toList();
    if (orphans.isEmpty()) {
      return;
    }
    var manager = new ControllerRefManager<ControllerRevision>(set, "apps/v1", "StatefulSet",
        set.getSpec().getSelector(), () -> fresh(set), history::patch);
    manager.claim(orphans);
  }

  /**
   * The set as the apiserver has it now ({@code RecheckDeletionTimestamp}'s getter); throws if it is
   * gone or was replaced by another of the same name.
   */
  private StatefulSet fresh(StatefulSet set) {
    StatefulSet f = client.apps().statefulSets().inNamespace(set.getMetadata().getNamespace())
        .withName(set.getMetadata().getName()).get();
    if (f == null || !f.getMetadata().getUid().equals(set.getMetadata().getUid())) {
      throw new IllegalStateException("original StatefulSet " + Keys.of(set) + " is gone");
    }
    return f;
  }

  /** {@code resolveControllerRef}: the set the reference names, if it has the referenced uid. */
  private Optional<StatefulSet> resolveControllerRef(String namespace, OwnerReference ref) {
    if (!"StatefulSet".equals(ref.getKind())) {
      return Optional.empty();
    }
    return Optional.ofNullable(sets.getIndexer().getByKey(namespace + "/" + ref.getName()))
        .filter(set -> set.getMetadata().getUid().equals(ref.getUid()));
  }

  /** {@code getStatefulSetsForPod}: the sets an orphan pod might be adopted by. */
  private List<StatefulSet> setsForPod(Pod pod) {
    return sets.getIndexer().byIndex(Cache.NAMESPACE_INDEX, pod.getMetadata().getNamespace()).stream()
        .filter(s -> !LabelSelectors.isEmpty(s.getSpec().getSelector())
            && LabelSelectors.matches(s.getSpec().getSelector(), pod.getMetadata().getLabels())).toList();
  }

  /** Pod events queue the owning set, or for an orphan every set that might adopt it. */
  private final class PodHandler implements ResourceEventHandler<Pod> {
    @Override
    public void onAdd(Pod pod) {
      enqueueFor(pod, true);
    }

    @Override
    public void onUpdate(Pod old, Pod cur) {
      if (Objects.equals(old.getMetadata().getResourceVersion(), cur.getMetadata().getResourceVersion())) {
        return;
      }
      Optional<OwnerReference> oldRef = ControllerRefs.controllerOf(old);
      Optional<OwnerReference> curRef = ControllerRefs.controllerOf(cur);
      if (oldRef.isPresent() && (curRef.isEmpty() || !oldRef.get().getUid().equals(curRef.get().getUid()))) {
        resolveControllerRef(old.getMetadata().getNamespace(), oldRef.get()).ifPresent(set -> loop.enqueue(Keys.of(set)));
      }
      enqueueFor(cur, !Objects.equals(old.getMetadata().getLabels(), cur.getMetadata().getLabels()) || oldRef.isPresent());
    }

    @Override
    public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
      ControllerRefs.controllerOf(pod).flatMap(ref -> resolveControllerRef(pod.getMetadata().getNamespace(), ref))
          .ifPresent(set -> loop.enqueue(Keys.of(set)));
    }

    private void enqueueFor(Pod pod, boolean orphanMayMatch) {
      Optional<OwnerReference> ref = ControllerRefs.controllerOf(pod);
      if (ref.isPresent()) {
        resolveControllerRef(pod.getMetadata().getNamespace(), ref.get()).ifPresent(set -> loop.enqueue(Keys.of(set)));
      } else if (orphanMayMatch) {
        setsForPod(pod).forEach(s -> loop.enqueue(Keys.of(s)));
      }
    }
  }

  @Override
  public void close() {
    loop.close();
    recorder.close();
  }
}
