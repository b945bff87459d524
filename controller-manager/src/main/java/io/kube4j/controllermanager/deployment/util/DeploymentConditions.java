package io.kube4j.controllermanager.deployment.util;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Deployment's {@code Progressing}, {@code Available} and {@code ReplicaFailure} conditions, with
 * upstream's reasons word for word, and the tests on a status that decide them ({@code DeploymentComplete},
 * {@code DeploymentProgressing}, {@code DeploymentTimedOut}). See
 * https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#deployment-status.
 */
public final class DeploymentConditions {

  public static final String PROGRESSING = "Progressing";
  public static final String AVAILABLE = "Available";
  public static final String REPLICA_FAILURE = "ReplicaFailure";

  /** Progressing: one of the ReplicaSets was scaled as part of the rollout. */
  public static final String REPLICA_SET_UPDATED = "ReplicaSetUpdated";
  /** Progressing False: the new ReplicaSet could not be created. */
  public static final String FAILED_RS_CREATE = "ReplicaSetCreateError";
  public static final String NEW_REPLICA_SET = "NewReplicaSetCreated";
  public static final String FOUND_NEW_RS = "FoundNewReplicaSet";
  /** Progressing True: the rollout completed. */
  public static final String NEW_RS_AVAILABLE = "NewReplicaSetAvailable";
  /** Progressing False: no progress within {@code progressDeadlineSeconds}. */
  public static final String TIMED_OUT = "ProgressDeadlineExceeded";
  /** Progressing Unknown while paused: a pause is not a lack of progress. */
  public static final String PAUSED = "DeploymentPaused";
  /** Progressing Unknown after a resume: the deadline counts from the resume. */
  public static final String RESUMED = "DeploymentResumed";
  public static final String MINIMUM_REPLICAS_AVAILABLE = "MinimumReplicasAvailable";
  public static final String MINIMUM_REPLICAS_UNAVAILABLE = "MinimumReplicasUnavailable";

  private DeploymentConditions() {}

  /** {@code NewDeploymentCondition}: both times now (to the second, as the API stores them). */
  public static DeploymentCondition newCondition(String type, String status, String reason, String message, Instant now) {
    String t = now.truncatedTo(ChronoUnit.SECONDS).toString();
    return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastUpdateTime(t).withLastTransitionTime(t).build();
  }

  public static Optional<DeploymentCondition> get(DeploymentStatus status, String type) {
    if (status == null || status.getConditions() == null) {
      return Optional.empty();
    }
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /**
   * {@code SetDeploymentCondition}: no change when a condition of that type already has this status
   * and reason; the transition time is kept when only the reason changes.
   */
  public static void set(DeploymentStatus status, DeploymentCondition condition) {
    Optional<DeploymentCondition> current = get(status, condition.getType());
    if (current.isPresent() && current.get().getStatus().equals(condition.getStatus())
        && current.get().getReason().equals(condition.getReason())) {
      return;
    }
    if (current.isPresent() && current.get().getStatus().equals(condition.getStatus())) {
      condition.setLastTransitionTime(current.get().getLastTransitionTime());
    }
    remove(status, condition.getType());
    status.getConditions().add(condition);
  }

  /** {@code RemoveDeploymentCondition}. */
  public static void remove(DeploymentStatus status, String type) {
    List<DeploymentCondition> kept = new ArrayList<>();
    if (status.getConditions() != null) {
      status.getConditions().stream().filter(c -> !type.equals(c.getType())).forEach(kept::add);
    }
    status.setConditions(kept);
  }

  /** {@code ReplicaSetToDeploymentCondition}. */
  public static DeploymentCondition fromReplicaSetCondition(ReplicaSetCondition c) {
    return new DeploymentConditionBuilder().withType(c.getType()).withStatus(c.getStatus())
        .withLastTransitionTime(c.getLastTransitionTime()).withLastUpdateTime(c.getLastTransitionTime())
        .withReason(c.getReason()).withMessage(c.getMessage()).build();
  }

  public static boolean hasProgressDeadline(Deployment d) {
    return d.getSpec().getProgressDeadlineSeconds() != null && d.getSpec().getProgressDeadlineSeconds() != Integer.MAX_VALUE;
  }

  /**
   * {@code DeploymentComplete}: every replica updated and available, no old one left, and the status
   * is of the current generation.
   */
  public static boolean complete(Deployment d, DeploymentStatus s) {
    int replicas = d.getSpec().getReplicas();
    return n(s.getUpdatedReplicas()) == replicas && n(s.getReplicas()) == replicas
        && n(s.getAvailableReplicas()) == replicas
        && (s.getObservedGeneration() == null ? 0 : s.getObservedGeneration()) >= d.getMetadata().getGeneration();
  }

  /**
   * {@code DeploymentProgressing}: compared with the status the Deployment had, more pods were updated,
   * fewer old ones remain, or more are ready or available.
   */
  public static boolean progressing(Deployment d, DeploymentStatus s) {
    DeploymentStatus old = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    int oldOld = n(old.getReplicas()) - n(old.getUpdatedReplicas());
    int newOld = n(s.getReplicas()) - n(s.getUpdatedReplicas());
    return n(s.getUpdatedReplicas()) > n(old.getUpdatedReplicas()) || newOld < oldOld
        || n(s.getReadyReplicas()) > n(old.getReadyReplicas())
        || n(s.getAvailableReplicas()) > n(old.getAvailableReplicas());
  }

  /**
   * {@code DeploymentTimedOut}: the Progressing condition was last updated more than
   * {@code progressDeadlineSeconds} ago (or already says so).
   */
  public static boolean timedOut(Deployment d, DeploymentStatus s, Instant now) {
    if (!hasProgressDeadline(d)) {
      return false;
    }
    Optional<DeploymentCondition> c = get(s, PROGRESSING);
    if (c.isEmpty()) {
      return false;
    }
    if (TIMED_OUT.equals(c.get().getReason())) {
      return true;
    }
    Instant from = Instant.parse(c.get().getLastUpdateTime());
    return from.plus(Duration.ofSeconds(d.getSpec().getProgressDeadlineSeconds())).isBefore(now);
  }

  static int n(Integer v) {
    return v == null ? 0 : v;
  }
}
