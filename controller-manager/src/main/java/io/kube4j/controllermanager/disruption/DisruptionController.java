package io.kube4j.controllermanager.disruption;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.componentbase.labels.LabelSelectors;
import io.kube4j.componentbase.poddisruptionbudget.DisruptionAllowedCondition;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.controller.ControllerRefs;
import io.kube4j.controllermanager.controller.EnqueueingHandler;
import io.kube4j.controllermanager.controller.Keys;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import io.kube4j.controllermanager.record.ApiEventRecorder;
import io.kube4j.controllermanager.record.EventRecorder;
import io.kube4j.controllermanager.controller.DeepCopy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code DisruptionController}: for each PodDisruptionBudget (key {@code namespace/name}), counts
 * the selected pods that are healthy, works out how many must stay so, and writes the difference as
 * {@code status.disruptionsAllowed}, which the eviction subresource spends one by one. Pods, and the
 * controllers whose scale sets the expected count, are read from informers; a pod change queues the
 * budgets selecting it. An eviction the apiserver approved stays in {@code disruptedPods} (not
 * counted healthy) until the pod terminates or {@link Budget#DELETION_TIMEOUT} passes: a second
 * loop re-queues the budget then. A third resets a {@code DisruptionTarget} condition left on a pod
 * whose eviction never completed ({@code stalePodDisruptionWorker}).
 */
public final class DisruptionController implements AutoCloseable {

  public static final String NAME = "disruption-controller";
  public static final String SERVICE_ACCOUNT = "disruption-controller";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("disruption"),
      false, DisruptionController::start);
  /** {@code stalePodDisruptionTimeout}: a DisruptionTarget older than this on a live pod is reset. */
  static final Duration STALE_POD_DISRUPTION_TIMEOUT = Duration.ofMinutes(2);

  private final SharedIndexInformer<PodDisruptionBudget> budgets;
  private final SharedIndexInformer<Pod> pods;
  private final ControllerScales scales;
  private final KubernetesClient client;
  private final EventRecorder recorder;
  private final Clock clock;
  private final ReconcileLoop loop;
  private final ReconcileLoop stalePodDisruption;

  DisruptionController(ControllerContext context, KubernetesClient client, EventRecorder recorder, Clock clock) {
    var informers = context.informers();
    this.budgets = informers.forType(PodDisruptionBudget.class);
    this.pods = informers.forType(Pod.class);
    this.scales = new ControllerScales(informers.forType(ReplicationController.class),
        informers.forType(ReplicaSet.class), informers.forType(Deployment.class), informers.forType(StatefulSet.class));
    this.client = client;
    this.recorder = recorder;
    this.clock = clock;
    this.loop = context.loop("disruption", this::sync);
    this.stalePodDisruption = context.loop("stale_pod_disruption", this::syncStalePodDisruption);
  }

  static AutoCloseable start(ControllerContext context) {
    KubernetesClient client = context.clientFor(SERVICE_ACCOUNT);
    DisruptionController c = new DisruptionController(context, client,
        new ApiEventRecorder(client, "controllermanager", Clock.systemUTC()), Clock.systemUTC());
    c.budgets.addEventHandler(EnqueueingHandler.own(c.loop));
    c.pods.addEventHandler(new ResourceEventHandler<>() {
      @Override public void onAdd(Pod pod) {
        c.podChanged(pod);
      }

      @Override public void onUpdate(Pod old, Pod pod) {
        c.podChanged(pod);
      }

      @Override public void onDelete(Pod pod, boolean unknown) {
        c.budgetsFor(pod).forEach(pdb -> c.loop.enqueue(Keys.of(pdb)));
      }
    });
    c.loop.start(1);
    c.stalePodDisruption.start(1);
    return c;
  }

  private void podChanged(Pod pod) {
    budgetsFor(pod).forEach(pdb -> loop.enqueue(Keys.of(pdb)));
    staleDisruptionWait(pod).ifPresent(wait -> stalePodDisruption.queue().addAfter(Keys.of(pod), wait));
  }

  /** The budgets of the pod's namespace whose selector matches it (upstream acts on the first only). */
  private List<PodDisruptionBudget> budgetsFor(Pod pod) {
    return budgets.getIndexer().byIndex(Cache.NAMESPACE_INDEX, pod.getMetadata().getNamespace()).stream()
        .filter(pdb -> pdb.getSpec() != null && LabelSelectors.matches(pdb.getSpec().getSelector(), pod.getMetadata().getLabels()))
        .toList();
  }

  /** The pods the budget selects (a nil selector selects none; in policy/v1 an empty one selects all). */
  private List<Pod> podsFor(PodDisruptionBudget pdb) {
    return pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, pdb.getMetadata().getNamespace()).stream()
        .filter(p -> LabelSelectors.matches(pdb.getSpec().getSelector(), p.getMetadata().getLabels())).toList();
  }

  void sync(String key) {
    PodDisruptionBudget pdb = budgets.getIndexer().getByKey(key);
    if (pdb == null) {
      return;
    }
    try {
      trySync(pdb);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw e; // a newer budget is on its way: retry without the fail-safe
      }
      failSafe(pdb, e.getMessage());
    } catch (RuntimeException e) {
      failSafe(pdb, e.getMessage());
    }
  }

  private void trySync(PodDisruptionBudget pdb) {
    List<Pod> selected = podsFor(pdb);
    if (selected.isEmpty()) {
      recorder.event(reference(pdb), EventRecorder.TYPE_NORMAL, "NoPods", "No matching pods found");
    }
    Budget.Expectation expectation;
    try {
      expectation = Budget.expect(pdb.getSpec(), selected, () -> scales.expectedScale(selected));
    } catch (RuntimeException e) {
      recorder.event(reference(pdb), EventRecorder.TYPE_WARNING, "CalculateExpectedPodCountFailed",
          "Failed to calculate the number of expected pods: " + e.getMessage());
      throw e;
    }
    if (!expectation.unmanagedPods().isEmpty()) {
      recorder.event(reference(pdb), EventRecorder.TYPE_WARNING, "UnmanagedPods", "Pods selected by this "
          + "PodDisruptionBudget (selector: " + pdb.getSpec().getSelector() + ") were found to be unmanaged. As a result, "
          + "the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account "
          + "for these pods please set \".spec.minAvailable\" field of the PDB to an integer value.");
    }
    Instant now = clock.instant();
    Budget.Disrupted disrupted = Budget.disrupted(pdb, selected, now);
    for (String pod : disrupted.notDeleted()) {
      recorder.event(new ObjectReferenceBuilder().withKind("Pod").withApiVersion("v1").withName(pod)
          .withNamespace(pdb.getMetadata().getNamespace()).build(), EventRecorder.TYPE_WARNING, "NotDeleted",
          "Pod was expected by PDB " + pdb.getMetadata().getNamespace() + "/" + pdb.getMetadata().getName()
              + " to be deleted but it wasn't");
    }
    int healthy = Budget.countHealthy(selected, disrupted.pods(), now);
    updateStatus(pdb, healthy, expectation.desiredHealthy(), expectation.expectedCount(), disrupted.pods());
    disrupted.recheckAt().ifPresent(at -> loop.queue().addAfter(Keys.of(pdb),
        Duration.between(now, at).plusMillis(1)));
  }

  private void updateStatus(PodDisruptionBudget pdb, int currentHealthy, int desiredHealthy, int expectedCount,
      Map<String, String> disrupted) {
    int allowed = Budget.disruptionsAllowed(currentHealthy, desiredHealthy, expectedCount);
    PodDisruptionBudgetStatus old = pdb.getStatus() == null ? new PodDisruptionBudgetStatus() : pdb.getStatus();
    long generation = pdb.getMetadata().getGeneration() == null ? 0 : pdb.getMetadata().getGeneration();
    Map<String, String> oldDisrupted = old.getDisruptedPods() == null ? Map.of() : old.getDisruptedPods();
    if (Objects.equals(old.getCurrentHealthy(), currentHealthy) && Objects.equals(old.getDesiredHealthy(), desiredHealthy)
        && Objects.equals(old.getExpectedPods(), expectedCount) && Objects.equals(old.getDisruptionsAllowed(), allowed)
        && oldDisrupted.equals(disrupted) && Objects.equals(old.getObservedGeneration(), generation)
        && DisruptionAllowedCondition.isUpToDate(old)) {
      return;
    }
    PodDisruptionBudgetStatus status = new PodDisruptionBudgetStatus();
    status.setCurrentHealthy(currentHealthy);
    status.setDesiredHealthy(desiredHealthy);
    status.setExpectedPods(expectedCount);
    status.setDisruptionsAllowed(allowed);
    status.setDisruptedPods(disrupted.isEmpty() ? null : disrupted);
    status.setObservedGeneration(generation);
    status.setConditions(old.getConditions() == null ? null : new ArrayList<>(old.getConditions()));
    DisruptionAllowedCondition.update(status, clock);
    writeStatus(pdb, status);
  }

  /**
   * {@code failSafe}: when the budget cannot be computed, allow no disruption at all rather than
   * leave an old, possibly too generous, figure for the eviction subresource to spend.
   */
  private void failSafe(PodDisruptionBudget pdb, String why) {
    PodDisruptionBudgetStatus status = pdb.getStatus() == null ? new PodDisruptionBudgetStatus()
        : DeepCopy.of(pdb.getStatus());
    status.setDisruptionsAllowed(0);
    DisruptionAllowedCondition.set(status, "False", DisruptionAllowedCondition.SYNC_FAILED, String.valueOf(why), clock);
    writeStatus(pdb, status);
  }

  /** PUT {@code poddisruptionbudgets/status} (the role allows update, not patch). */
  private void writeStatus(PodDisruptionBudget pdb, PodDisruptionBudgetStatus status) {
    PodDisruptionBudget next = new PodDisruptionBudgetBuilder(pdb).withStatus(status).build();
    client.resources(PodDisruptionBudget.class).inNamespace(pdb.getMetadata().getNamespace()).resource(next)
        .updateStatus();
  }

  /**
   * How long until a {@code DisruptionTarget=True} condition on a live, non-terminal pod counts as
   * stale; empty when the pod has none (or is terminating, or the kubelet set it).
   */
  private java.util.Optional<Duration> staleDisruptionWait(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null || pod.getStatus() == null
        || pod.getStatus().getConditions() == null) {
      return java.util.Optional.empty();
    }
    String phase = pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      return java.util.Optional.empty();
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> "DisruptionTarget".equals(c.getType()) && "True".equals(c.getStatus())
            && !"TerminationByKubelet".equals(c.getReason()) && c.getLastTransitionTime() != null)
        .findFirst().map(c -> {
          Duration age = Duration.between(Instant.parse(c.getLastTransitionTime()), clock.instant());
          Duration wait = STALE_POD_DISRUPTION_TIMEOUT.minus(age);
          return wait.isNegative() ? Duration.ZERO : wait;
        });
  }

  void syncStalePodDisruption(String key) {
    Pod pod = pods.getIndexer().getByKey(key);
    if (pod == null) {
      return;
    }
    var wait = staleDisruptionWait(pod);
    if (wait.isEmpty()) {
      return;
    }
    if (!wait.get().isZero()) {
      stalePodDisruption.queue().addAfter(key, wait.get());
      return;
    }
    List<PodCondition> conditions = new ArrayList<>();
    for (PodCondition c : pod.getStatus().getConditions()) {
      conditions.add("DisruptionTarget".equals(c.getType())
          ? new PodConditionBuilder(c).withStatus("False").withLastTransitionTime(
              java.time.format.DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
              .build()
          : c);
    }
    Pod next = new io.fabric8.kubernetes.api.model.PodBuilder(pod).editStatus().withConditions(conditions).endStatus().build();
    client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(next).updateStatus();
  }

  private static ObjectReference reference(PodDisruptionBudget pdb) {
    return ControllerRefs.referenceTo(pdb, "policy/v1", "PodDisruptionBudget");
  }

  @Override
  public void close() {
    loop.close();
    stalePodDisruption.close();
    if (recorder instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // nothing left to flush that matters
      }
    }
  }
}
