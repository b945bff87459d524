package io.kube4j.apiserver.validation.apps;

import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;

/**
 * The status that workload controllers write: counts are non-negative and never exceed
 * {@code status.replicas}; {@code collisionCount} only grows. Mirrors {@code ValidateDeploymentStatus},
 * {@code ValidateReplicaSetStatus}, {@code ValidateStatefulSetStatus} and {@code validateDaemonSetStatus}.
 */
public final class WorkloadStatusValidation {

  private static final String ABOVE_REPLICAS = "cannot be greater than status.replicas";

  private WorkloadStatusValidation() {}

  public static ErrorList validateDeploymentStatus(DeploymentStatus s, Path field) {
    ErrorList errs = new ErrorList();
    nonNegative(errs, s.getObservedGeneration(), field.child("observedGeneration"));
    int replicas = n(s.getReplicas());
    nonNegative(errs, s.getReplicas(), field.child("replicas"));
    nonNegative(errs, s.getUpdatedReplicas(), field.child("updatedReplicas"));
    nonNegative(errs, s.getReadyReplicas(), field.child("readyReplicas"));
    nonNegative(errs, s.getAvailableReplicas(), field.child("availableReplicas"));
    nonNegative(errs, s.getUnavailableReplicas(), field.child("unavailableReplicas"));
    nonNegative(errs, s.getCollisionCount(), field.child("collisionCount"));
    above(errs, s.getUpdatedReplicas(), replicas, field.child("updatedReplicas"), ABOVE_REPLICAS);
    above(errs, s.getReadyReplicas(), replicas, field.child("readyReplicas"), ABOVE_REPLICAS);
    above(errs, s.getAvailableReplicas(), replicas, field.child("availableReplicas"), ABOVE_REPLICAS);
    above(errs, s.getAvailableReplicas(), n(s.getReadyReplicas()), field.child("availableReplicas"),
        "cannot be greater than readyReplicas");
    return errs;
  }

  /** Shared by ReplicaSets and ReplicationControllers, whose statuses have the same counters. */
  public static ErrorList validateReplicaSetStatus(Integer replicasValue, Integer fullyLabeled, Integer ready,
      Integer available, Long observedGeneration, Path field) {
    ErrorList errs = new ErrorList();
    int replicas = n(replicasValue);
    nonNegative(errs, replicasValue, field.child("replicas"));
    nonNegative(errs, fullyLabeled, field.child("fullyLabeledReplicas"));
    nonNegative(errs, ready, field.child("readyReplicas"));
    nonNegative(errs, available, field.child("availableReplicas"));
    nonNegative(errs, observedGeneration, field.child("observedGeneration"));
    above(errs, fullyLabeled, replicas, field.child("fullyLabeledReplicas"), ABOVE_REPLICAS);
    above(errs, ready, replicas, field.child("readyReplicas"), ABOVE_REPLICAS);
    above(errs, available, replicas, field.child("availableReplicas"), ABOVE_REPLICAS);
    above(errs, available, n(ready), field.child("availableReplicas"), "cannot be greater than readyReplicas");
    return errs;
  }

  public static ErrorList validateReplicaSetStatus(ReplicaSetStatus s, Path field) {
    return validateReplicaSetStatus(s.getReplicas(), s.getFullyLabeledReplicas(), s.getReadyReplicas(),
        s.getAvailableReplicas(), s.getObservedGeneration(), field);
  }

  public static ErrorList validateStatefulSetStatus(StatefulSetStatus s, Path field) {
    ErrorList errs = new ErrorList();
    int replicas = n(s.getReplicas());
    nonNegative(errs, s.getReplicas(), field.child("replicas"));
    nonNegative(errs, s.getReadyReplicas(), field.child("readyReplicas"));
    nonNegative(errs, s.getCurrentReplicas(), field.child("currentReplicas"));
    nonNegative(errs, s.getUpdatedReplicas(), field.child("updatedReplicas"));
    nonNegative(errs, s.getAvailableReplicas(), field.child("availableReplicas"));
    nonNegative(errs, s.getObservedGeneration(), field.child("observedGeneration"));
    nonNegative(errs, s.getCollisionCount(), field.child("collisionCount"));
    above(errs, s.getReadyReplicas(), replicas, field.child("readyReplicas"), ABOVE_REPLICAS);
    above(errs, s.getCurrentReplicas(), replicas, field.child("currentReplicas"), ABOVE_REPLICAS);
    above(errs, s.getUpdatedReplicas(), replicas, field.child("updatedReplicas"), ABOVE_REPLICAS);
    above(errs, s.getAvailableReplicas(), replicas, field.child("availableReplicas"), ABOVE_REPLICAS);
    above(errs, s.getAvailableReplicas(), n(s.getReadyReplicas()), field.child("availableReplicas"),
        "cannot be greater than status.readyReplicas");
    return errs;
  }

  public static ErrorList validateDaemonSetStatus(DaemonSetStatus s, Path field) {
    ErrorList errs = new ErrorList();
    nonNegative(errs, s.getCurrentNumberScheduled(), field.child("currentNumberScheduled"));
    nonNegative(errs, s.getNumberMisscheduled(), field.child("numberMisscheduled"));
    nonNegative(errs, s.getDesiredNumberScheduled(), field.child("desiredNumberScheduled"));
    nonNegative(errs, s.getNumberReady(), field.child("numberReady"));
    nonNegative(errs, s.getObservedGeneration(), field.child("observedGeneration"));
    nonNegative(errs, s.getUpdatedNumberScheduled(), field.child("updatedNumberScheduled"));
    nonNegative(errs, s.getNumberAvailable(), field.child("numberAvailable"));
    nonNegative(errs, s.getNumberUnavailable(), field.child("numberUnavailable"));
    nonNegative(errs, s.getCollisionCount(), field.child("collisionCount"));
    return errs;
  }

  /** {@code IsDecremented} on {@code status.collisionCount}. */
  public static ErrorList collisionCountNotDecremented(Integer count, Integer old) {
    ErrorList errs = new ErrorList();
    boolean decremented = (count == null && old != null) || (count != null && old != null && count < old);
    if (decremented) {
      errs.invalid(Path.root("status").child("collisionCount"), count == null ? 0 : count, "cannot be decremented");
    }
    return errs;
  }

  private static void nonNegative(ErrorList errs, Number v, Path field) {
    if (v != null) {
      errs.addAll(ObjectMetaValidation.validateNonnegativeField(v.longValue(), field));
    }
  }

  private static void above(ErrorList errs, Integer v, int limit, Path field, String why) {
    if (n(v) > limit) {
      errs.invalid(field, n(v), why);
    }
  }

  private static int n(Integer i) {
    return i == null ? 0 : i;
  }
}
