package io.kube4j.apiserver.registry.core.pod.rest;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.kube4j.apiserver.api.GroupResource;
import io.kube4j.apiserver.api.Reason;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.registry.generic.DeleteOptions;
import io.kube4j.apiserver.registry.generic.ListOptions;
import io.kube4j.apiserver.registry.generic.Store;
import io.kube4j.apiserver.registry.generic.SystemMetadata;
import io.kube4j.apiserver.registry.generic.UpdateTarget;
import io.kube4j.componentbase.labels.LabelSelectors;
import io.kube4j.apiserver.watch.CachedObject;
import io.kube4j.componentbase.poddisruptionbudget.DisruptionAllowedCondition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST pods/<name>/eviction} ({@code pkg/registry/core/pod/storage/eviction.go}): a delete
 * that asks the pod's PodDisruptionBudget first. A pod that is not running (pending, finished) or
 * already terminating is deleted at once. Otherwise the one PDB selecting it must allow a
 * disruption: the eviction decrements {@code status.disruptionsAllowed} and records the pod in
 * {@code status.disruptedPods} (so the disruption controller does not count it healthy while it
 * terminates) with a compare-and-swap on the PDB, then marks the pod {@code DisruptionTarget} and
 * deletes it. No disruption left is a 429 that kubectl drain retries.
 *
 * <p>The pod's resourceVersion is a precondition of the delete, so a pod that became Ready after the
 * budget was checked is not deleted on an outdated decision (a 429 asks the client to come back).
 */
public final class EvictionRest {

  /** {@code MaxDisruptedPodSize}: beyond this, evictions wait for the disruption controller. */
  static final int MAX_DISRUPTED_POD_SIZE = 2000;
  /** {@code EvictionsRetry}: 20 attempts on a conflicting write. */
  static final int RETRIES = 20;
  static final String VIOLATES = "Cannot evict pod as it would violate the pod's disruption budget.";

  private static final GroupResource PDBS = GroupResource.of("policy", "poddisruptionbudget");

  private final Store<Pod> pods;
  private final Store<PodDisruptionBudget> budgets;
  private final Clock clock;

  public EvictionRest(Store<Pod> pods, Store<PodDisruptionBudget> budgets, Clock clock) {
    this.pods = pods;
    this.budgets = budgets;
    this.clock = clock;
  }

  /** Evicts the pod or throws the Status that says why not; returns normally once it is deleted. */
  public void evict(String namespace, String name, DeleteOptions options) {
    for (int attempt = 1; ; attempt++) {
      Pod pod = pods.get(namespace, name, "").objectAs(Pod.class);
      if (canIgnorePdb(pod)) {
        try {
          pods.delete(namespace, name, shouldEnforceResourceVersion(pod) && options.preconditionResourceVersion().isEmpty()
              ? withResourceVersion(options, pod) : options);
          return;
        } catch (StatusException e) {
          if (e.code() != 409 || options.preconditionResourceVersion().isPresent() || attempt == RETRIES) {
            throw e;
          }
          continue; // the pod changed between our read and the delete: decide again
        }
      }
      evictUnderBudget(namespace, pod, options);
      return;
    }
  }

  private void evictUnderBudget(String namespace, Pod pod, DeleteOptions options) {
    List<PodDisruptionBudget> matching = budgetsSelecting(pod);
    if (matching.size() > 1) {
      throw new StatusException(Reason.INTERNAL_ERROR, 500,
          "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.", null);
    }
    boolean pinToReadState = false;
    if (matching.size() == 1) {
      PodDisruptionBudget pdb = matching.get(0);
      if (!isReady(pod) && unhealthyMayGo(pdb)) {
        // an unready pod does not count as healthy: deleting it costs the budget nothing, as long
        // as it is still unready when deleted (hence the resourceVersion precondition)
        pinToReadState = true;
      } else {
        checkAndDecrement(namespace, pod.getMetadata().getName(), pdb.getMetadata().getName(), options.dryRun());
      }
    }
    DeleteOptions delete = pinToReadState ? withResourceVersion(options, pod) : options;
    try {
      pods.delete(namespace, pod.getMetadata().getName(), markDisruptionTarget(namespace, pod.getMetadata().getName(), delete));
    } catch (StatusException e) {
      if (e.code() == 409 && pinToReadState && options.preconditionResourceVersion().isEmpty()) {
        throw tooManyRequests(VIOLATES, 10, "The disruption budget " + matching.get(0).getMetadata().getName()
            + " is still being processed by the server.");
      }
      throw e;
    }
  }

  /**
   * An unready pod may go without using the budget when the PDB says {@code AlwaysAllow}, or when
   * the budget is met anyway ({@code IfHealthyBudget}, the default).
   */
  private static boolean unhealthyMayGo(PodDisruptionBudget pdb) {
    if (pdb.getSpec() != null && "AlwaysAllow".equals(pdb.getSpec().getUnhealthyPodEvictionPolicy())) {
      return true;
    }
    var status = pdb.getStatus();
    int current = status == null || status.getCurrentHealthy() == null ? 0 : status.getCurrentHealthy();
    int desired = status == null || status.getDesiredHealthy() == null ? 0 : status.getDesiredHealthy();
    return current >= desired && desired > 0;
  }

  /** Takes one disruption from the budget with a compare-and-swap, re-reading it on conflict. */
  private void checkAndDecrement(String namespace, String podName, String pdbName, boolean dryRun) {
    for (int attempt = 1; ; attempt++) {
      try {
        budgets.update(namespace, pdbName, pdb -> {
          if (pdb == null) {
            throw StatusException.notFound(GroupResource.of("policy", "poddisruptionbudgets"), pdbName);
          }
          decrement(pdb, podName);
          return pdb;
        }, UpdateTarget.STATUS, dryRun);
        return;
      } catch (StatusException e) {
        if (e.code() != 409 || attempt == RETRIES) {
          throw e.code() == 409 ? StatusException.timeout("couldn't update PodDisruptionBudget \"" + pdbName
              + "\" due to conflicts") : e;
        }
      }
    }
  }

  private void decrement(PodDisruptionBudget pdb, String podName) {
    var status = pdb.getStatus() == null ? new io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus()
        : pdb.getStatus();
    long generation = pdb.getMetadata().getGeneration() == null ? 0 : pdb.getMetadata().getGeneration();
    long observed = status.getObservedGeneration() == null ? 0 : status.getObservedGeneration();
    String name = pdb.getMetadata().getName();
    if (observed < generation) {
      throw tooManyRequests(VIOLATES, 10, "The disruption budget " + name + " is still being processed by the server.");
    }
    int allowed = status.getDisruptionsAllowed() == null ? 0 : status.getDisruptionsAllowed();
    if (allowed < 0) {
      throw StatusException.forbidden(PDBS, name, "pdb disruptions allowed is negative");
    }
    Map<String, String> disrupted = new HashMap<>(status.getDisruptedPods() == null ? Map.of() : status.getDisruptedPods());
    if (disrupted.size() > MAX_DISRUPTED_POD_SIZE) {
      throw StatusException.forbidden(PDBS, name, "DisruptedPods map too big - too many evictions not confirmed by PDB controller");
    }
    if (allowed == 0) {
      throw tooManyRequests(VIOLATES, 0, "The disruption budget " + name + " needs "
          + orZero(status.getDesiredHealthy()) + " healthy pods and has " + orZero(status.getCurrentHealthy()) + " currently");
    }
    status.setDisruptionsAllowed(allowed - 1);
    if (allowed - 1 == 0) {
      DisruptionAllowedCondition.update(status, clock);
    }
    // the disruption controller keeps a pod listed here out of currentHealthy until it is gone
    // (or until its DeletionTimeout passes: the eviction may not have happened after all)
    disrupted.put(podName, SystemMetadata.timestamp(clock.instant()));
    status.setDisruptedPods(disrupted);
    pdb.setStatus(status);
  }

  /**
   * {@code DisruptionTarget=True}, so the pod's owner (a Job's failure policy) knows why it went;
   * answers the delete options to use next (a resourceVersion precondition moved past our own write).
   */
  private DeleteOptions markDisruptionTarget(String namespace, String name, DeleteOptions delete) {
    if (delete.dryRun()) {
      return delete;
    }
    Pod updated = pods.update(namespace, name, pod -> {
      if (pod == null) {
        throw StatusException.notFound(GroupResource.of("", "pods"), name);
      }
      if (delete.preconditionUid().isPresent() && !delete.preconditionUid().get().equals(pod.getMetadata().getUid())
          || delete.preconditionResourceVersion().isPresent()
          && !delete.preconditionResourceVersion().get().equals(pod.getMetadata().getResourceVersion())) {
        throw StatusException.conflict(GroupResource.of("", "pods"), name,
            "the object has been modified; please apply your changes to the latest version and try again");
      }
      List<PodCondition> conditions = new ArrayList<>();
      if (pod.getStatus().getConditions() != null) {
        pod.getStatus().getConditions().stream().filter(c -> !"DisruptionTarget".equals(c.getType())).forEach(conditions::add);
      }
      conditions.add(new PodConditionBuilder().withType("DisruptionTarget").withStatus("True")
          .withReason("EvictionByEvictionAPI").withMessage("Eviction API: evicting")
          .withLastTransitionTime(SystemMetadata.timestamp(clock.instant())).build());
      pod.getStatus().setConditions(conditions);
      return pod;
    }, UpdateTarget.STATUS, false);
    if (delete.preconditionResourceVersion().isEmpty()) {
      return delete;
    }
    // we moved the pod on ourselves: the precondition now names our write
    return new DeleteOptions(delete.gracePeriodSeconds(), delete.preconditionUid(),
        Optional.of(updated.getMetadata().getResourceVersion()), delete.propagationPolicy(), delete.dryRun());
  }

  /** Every PDB of the namespace whose (non-empty) selector matches the pod's labels. */
  private List<PodDisruptionBudget> budgetsSelecting(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
    List<PodDisruptionBudget> out = new ArrayList<>();
    for (CachedObject c : budgets.list(ListOptions.all(pod.getMetadata().getNamespace())).items()) {
      PodDisruptionBudget pdb = c.objectAs(PodDisruptionBudget.class);
      var selector = pdb.getSpec() == null ? null : pdb.getSpec().getSelector();
      // a nil or empty selector matches nothing here, not everything
      if (selector != null && !LabelSelectors.isEmpty(selector) && LabelSelectors.matches(selector, labels)) {
        out.add(pdb);
      }
    }
    return out;
  }

  /** {@code canIgnorePDB}: a pod not running, or already going, has caused its disruption. */
  static boolean canIgnorePdb(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase) || "Pending".equals(phase)
        || pod.getMetadata().getDeletionTimestamp() != null;
  }

  private static boolean shouldEnforceResourceVersion(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return !("Succeeded".equals(phase) || "Failed".equals(phase) || pod.getMetadata().getDeletionTimestamp() != null);
  }

  static boolean isReady(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static DeleteOptions withResourceVersion(DeleteOptions o, Pod pod) {
    return new DeleteOptions(o.gracePeriodSeconds(), o.preconditionUid(),
        Optional.of(pod.getMetadata().getResourceVersion()), o.propagationPolicy(), o.dryRun());
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }

  /** {@code errors.NewTooManyRequests} with a {@code DisruptionBudget} cause, as kubectl drain reads it. */
  static StatusException tooManyRequests(String message, int retryAfterSeconds, String cause) {
    StatusDetails details = new StatusDetails();
    if (retryAfterSeconds > 0) {
      details.setRetryAfterSeconds(retryAfterSeconds);
    }
    StatusCause c = new StatusCause();
    c.setReason("DisruptionBudget");
    c.setMessage(cause);
    details.setCauses(List.of(c));
    return new StatusException(Reason.TOO_MANY_REQUESTS, 429, message, details);
  }
}
