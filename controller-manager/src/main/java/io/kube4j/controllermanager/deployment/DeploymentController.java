package io.kube4j.controllermanager.deployment;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.componentbase.labels.LabelSelectors;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.controller.ControllerRefManager;
import io.kube4j.controllermanager.controller.ControllerRefs;
import io.kube4j.controllermanager.controller.EnqueueingHandler;
import io.kube4j.controllermanager.controller.Keys;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import io.kube4j.controllermanager.controller.StrategicMergePatch;
import io.kube4j.controllermanager.deployment.util.Fenceposts;
import io.kube4j.controllermanager.record.ApiEventRecorder;
import io.kube4j.controllermanager.record.EventRecorder;
import io.kube4j.controllermanager.controller.DeepCopy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Deployment controller ({@code DeploymentController}). {@code syncDeployment} claims the
 * ReplicaSets the Deployment selects, then, in upstream's order: a Deployment being deleted only gets
 * its status; a paused one or one being scaled is scaled ({@link DeploymentSync#sync}); a rollback
 * request is carried out; otherwise its strategy rolls it out ({@link RollingUpdate}, {@link Recreate}).
 */
public final class DeploymentController implements AutoCloseable {

  public static final String NAME = "deployment-controller";
  /** Bound to {@code system:controller:deployment-controller}: replicasets create/delete/patch/update. */
  public static final String SERVICE_ACCOUNT = "deployment-controller";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("deployment"), false,
      DeploymentController::start);
  /** {@code --concurrent-deployment-syncs}' default. */
  static final int WORKERS = 5;

  private final SharedIndexInformer<Deployment> deployments;
  private final SharedIndexInformer<ReplicaSet> replicaSets;
  private final SharedIndexInformer<Pod> pods;
  private final KubernetesClient client;
  private final ApiEventRecorder recorder;
  private final ReconcileLoop loop;
  private final DeploymentSync sync;
  private final RollingUpdate rolling;
  private final Recreate recreate;
  private final Rollback rollback;

  private DeploymentController(ControllerContext context, Clock clock) {
    this.deployments = context.informers().forType(Deployment.class);
    this.replicaSets = context.informers().forType(ReplicaSet.class);
    this.pods = context.informers().forType(Pod.class);
    this.client = context.clientFor(SERVICE_ACCOUNT);
    this.recorder = new ApiEventRecorder(client, NAME, clock);
    this.loop = context.loop(NAME, this::syncDeployment);
    this.sync = new DeploymentSync(client, recorder, clock, new NewReplicaSets(replicaSets));
    Progress progress = new Progress(sync, loop);
    this.rolling = new RollingUpdate(sync, progress);
    this.recreate = new Recreate(sync, progress);
    this.rollback = new Rollback(sync);
  }

  static AutoCloseable start(ControllerContext context) {
    DeploymentController c = new DeploymentController(context, Clock.systemUTC());
    c.deployments.addEventHandler(EnqueueingHandler.own(c.loop));
    c.replicaSets.addEventHandler(new ReplicaSetHandler(c));
    c.pods.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
      }

      @Override
      public void onUpdate(Pod old, Pod pod) {
      }

      @Override
      public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
        c.deletePod(pod);
      }
    });
    c.loop.start(WORKERS);
    return c;
  }

  ReconcileLoop loop() {
    return loop;
  }

  /** {@code resolveControllerRef}: the Deployment a ReplicaSet's controller reference names, by UID. */
  Optional<Deployment> resolveControllerRef(String namespace, OwnerReference ref) {
    if (!"Deployment".equals(ref.getKind())) {
      return Optional.empty();
    }
    return Optional.ofNullable(deployments.getIndexer().getByKey(namespace + "/" + ref.getName()))
        .filter(d -> d.getMetadata().getUid().equals(ref.getUid()));
  }

  /** {@code getDeploymentsForReplicaSet}: Deployments whose non-empty selector matches an orphan ReplicaSet. */
  List<Deployment> deploymentsFor(ReplicaSet rs) {
    return deployments.getIndexer().byIndex(Cache.NAMESPACE_INDEX, rs.getMetadata().getNamespace()).stream()
        .filter(d -> !LabelSelectors.isEmpty(d.getSpec().getSelector())
            && LabelSelectors.matches(d.getSpec().getSelector(), rs.getMetadata().getLabels())).toList();
  }

  /**
   * {@code deletePod}: only Recreate waits for pods to go (no old pod may run when new ones start),
   * so the last old pod's deletion queues its Deployment.
   */
  private void deletePod(Pod pod) {
    Optional<OwnerReference> rsRef = ControllerRefs.controllerOf(pod);
    if (rsRef.isEmpty() || !"ReplicaSet".equals(rsRef.get().getKind())) {
      return;
    }
    ReplicaSet rs = replicaSets.getIndexer().getByKey(pod.getMetadata().getNamespace() + "/" + rsRef.get().getName());
    if (rs == null || !rs.getMetadata().getUid().equals(rsRef.get().getUid())) {
      return;
    }
    ControllerRefs.controllerOf(rs).flatMap(ref -> resolveControllerRef(rs.getMetadata().getNamespace(), ref))
        .filter(d -> Fenceposts.RECREATE.equals(d.getSpec().getStrategy().getType()))
        .ifPresent(d -> {
          List<ReplicaSet> rsList = replicaSets.getIndexer().byIndex(Cache.NAMESPACE_INDEX, d.getMetadata().getNamespace())
              .stream().filter(r -> ControllerRefs.isControlledBy(r, d.getMetadata().getUid())).toList();
          if (podMap(d, rsList).values().stream().allMatch(List::isEmpty)) {
            loop.enqueue(Keys.of(d));
          }
        });
  }

  /** {@code syncDeployment}. */
  void syncDeployment(String key) {
    Deployment cached = deployments.getIndexer().getByKey(key);
    if (cached == null) {
      return;
    }
    Deployment d = DeepCopy.of(cached);
    if (LabelSelectors.isEmpty(d.getSpec().getSelector())) {
      recorder.event(ControllerRefs.referenceTo(d, "apps/v1", "Deployment"), EventRecorder.TYPE_WARNING, "SelectingAll",
          "This deployment is selecting all pods. A non-empty selector is required.");
      if (DeploymentSync.status(d).getObservedGeneration() == null
          || d.getStatus().getObservedGeneration() < d.getMetadata().getGeneration()) {
        d.getStatus().setObservedGeneration(d.getMetadata().getGeneration());
        sync.updateStatus(d);
      }
      return;
    }
    List<ReplicaSet> rsList = replicaSetsFor(d);
    if (d.getMetadata().getDeletionTimestamp() != null) {
      sync.syncStatusOnly(d, rsList);
      return;
    }
    sync.checkPausedConditions(d);
    if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
      sync.sync(d, rsList);
      return;
    }
    if (Rollback.rollbackTo(d).isPresent()) {
      rollback.rollback(d, rsList);
      return;
    }
    if (sync.isScalingEvent(d, rsList)) {
      sync.sync(d, rsList);
      return;
    }
    String type = d.getSpec().getStrategy().getType();
    if (Fenceposts.RECREATE.equals(type)) {
      recreate.rollout(d, rsList, () -> podMap(d, rsList));
    } else if (Fenceposts.ROLLING_UPDATE.equals(type)) {
      rolling.rollout(d, rsList);
    } else {
      throw new IllegalStateException("unexpected deployment strategy type: " + type);
    }
  }

  /**
   * {@code getReplicaSetsForDeployment}: the ReplicaSets the Deployment owns after adopting matching
   * orphans and releasing those that stopped matching (copies, free to change).
   */
  private List<ReplicaSet> replicaSetsFor(Deployment d) {
    List<ReplicaSet> inNamespace = replicaSets.getIndexer().byIndex(Cache.NAMESPACE_INDEX, d.getMetadata().getNamespace());
    ControllerRefManager<ReplicaSet> manager = new ControllerRefManager<>(d, "apps/v1", "Deployment",
        d.getSpec().getSelector(), () -> {
          Deployment fresh = client.apps().deployments().inNamespace(d.getMetadata().getNamespace())
              .withName(d.getMetadata().getName()).get();
          if (fresh == null || !fresh.getMetadata().getUid().equals(d.getMetadata().getUid())) {
            throw new IllegalStateException("original Deployment " + Keys.of(d) + " is gone");
          }
          return fresh;
        }, (rs, patch) -> StrategicMergePatch.send(client, "/apis/apps/v1/namespaces/" + rs.getMetadata().getNamespace()
            + "/replicasets/" + rs.getMetadata().getName(), patch));
    List<ReplicaSet> copies = new ArrayList<>();
    for (ReplicaSet rs : manager.claim(inNamespace)) {
      copies.add(DeepCopy.of(rs));
    }
    return copies;
  }

  /** {@code getPodMapForDeployment}: each ReplicaSet's UID to the pods it controls. */
  private Map<String, List<Pod>> podMap(Deployment d, List<ReplicaSet> rsList) {
    Map<String, List<Pod>> map = new HashMap<>();
    rsList.forEach(rs -> map.put(rs.getMetadata().getUid(), new ArrayList<>()));
    for (Pod pod : pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, d.getMetadata().getNamespace())) {
      if (!LabelSelectors.matches(d.getSpec().getSelector(), pod.getMetadata().getLabels())) {
        continue;
      }
      ControllerRefs.controllerOf(pod).map(ref -> map.get(ref.getUid())).ifPresent(list -> list.add(pod));
    }
    return map;
  }

  @Override
  public void close() {
    loop.close();
    recorder.close();
  }
}
