package io.kube4j.controllermanager.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.kube4j.controllermanager.controller.Keys;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import io.kube4j.controllermanager.deployment.util.DeploymentConditions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Progressing condition during a rollout ({@code progress.go}): True/NewReplicaSetAvailable once
 * complete, True/ReplicaSetUpdated (its update time refreshed) whenever pods moved forward, and
 * False/ProgressDeadlineExceeded once nothing moved for {@code progressDeadlineSeconds}; ReplicaSet
 * failures are copied up as ReplicaFailure.
 */
final class Progress {

  private final DeploymentSync sync;
  private final ReconcileLoop loop;

  Progress(DeploymentSync sync, ReconcileLoop loop) {
    this.sync = sync;
    this.loop = loop;
  }

  /** {@code syncRolloutStatus}. */
  void syncRolloutStatus(List<ReplicaSet> allRSs, ReplicaSet newRS, Deployment d) {
    DeploymentStatus next = sync.calculateStatus(allRSs, newRS, d);
    Instant now = sync.clock.instant();
    if (!DeploymentConditions.hasProgressDeadline(d)) {
      DeploymentConditions.remove(next, DeploymentConditions.PROGRESSING);
    }
    Optional<DeploymentCondition> current = DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING);
    boolean isCompleteDeployment = n(next.getReplicas()) == n(next.getUpdatedReplicas()) && current.isPresent()
        && DeploymentConditions.NEW_RS_AVAILABLE.equals(current.get().getReason());
    String subject = newRS != null ? "ReplicaSet \"" + newRS.getMetadata().getName() + "\""
        : "Deployment \"" + d.getMetadata().getName() + "\"";
    if (DeploymentConditions.hasProgressDeadline(d) && !isCompleteDeployment) {
      if (DeploymentConditions.complete(d, next)) {
        DeploymentConditions.set(next, DeploymentConditions.newCondition(DeploymentConditions.PROGRESSING, "True",
            DeploymentConditions.NEW_RS_AVAILABLE, subject + " has successfully progressed.", now));
      } else if (DeploymentConditions.progressing(d, next)) {
        DeploymentCondition condition = DeploymentConditions.newCondition(DeploymentConditions.PROGRESSING, "True",
            DeploymentConditions.REPLICA_SET_UPDATED, subject + " is progressing.", now);
        // the same reason again must still refresh lastUpdateTime: that is what the deadline counts from
        if (current.isPresent()) {
          if ("True".equals(current.get().getStatus())) {
            condition.setLastTransitionTime(current.get().getLastTransitionTime());
          }
          DeploymentConditions.remove(next, DeploymentConditions.PROGRESSING);
        }
        DeploymentConditions.set(next, condition);
      } else if (DeploymentConditions.timedOut(d, next, now)) {
        DeploymentConditions.set(next, DeploymentConditions.newCondition(DeploymentConditions.PROGRESSING, "False",
            DeploymentConditions.TIMED_OUT, subject + " has timed out progressing.", now));
      }
    }
    List<DeploymentCondition> failures = replicaFailures(allRSs, newRS);
    if (!failures.isEmpty()) {
      DeploymentConditions.set(next, failures.get(0));
    } else {
      DeploymentConditions.remove(next, DeploymentConditions.REPLICA_FAILURE);
    }
    if (DeploymentSync.sameStatus(d.getStatus(), next)) {
      requeueStuckDeployment(d, next, now);
      return;
    }
    d.setStatus(next);
    sync.updateStatus(d);
  }

  /** {@code getReplicaFailures}: the new ReplicaSet's failure, else the old ones'. */
  static List<DeploymentCondition> replicaFailures(List<ReplicaSet> allRSs, ReplicaSet newRS) {
    List<DeploymentCondition> conditions = new ArrayList<>();
    if (newRS != null) {
      failures(newRS).forEach(c -> conditions.add(DeploymentConditions.fromReplicaSetCondition(c)));
    }
    if (!conditions.isEmpty()) {
      return conditions;
    }
    for (ReplicaSet rs : allRSs) {
      failures(rs).forEach(c -> conditions.add(DeploymentConditions.fromReplicaSetCondition(c)));
    }
    return conditions;
  }

  private static List<ReplicaSetCondition> failures(ReplicaSet rs) {
    if (rs == null || rs.getStatus() == null || rs.getStatus().getConditions() == null) {
      return List.of();
    }
    return rs.getStatus().getConditions().stream().filter(c -> DeploymentConditions.REPLICA_FAILURE.equals(c.getType()))
        .toList();
  }

  /**
   * {@code requeueStuckDeployment}: a rollout with no progress to report is looked at again when its
   * deadline passes (Progressing's lastUpdateTime + progressDeadlineSeconds, plus a second for clock
   * skew), since no event will come to say that nothing happened. Worked example: updated 3 minutes
   * ago, deadline 10 minutes: requeued in 7 minutes and 1 second.
   */
  Optional<Duration> requeueStuckDeployment(Deployment d, DeploymentStatus next, Instant now) {
    Optional<DeploymentCondition> current = DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING);
    if (!DeploymentConditions.hasProgressDeadline(d) || current.isEmpty()) {
      return Optional.empty();
    }
    if (DeploymentConditions.complete(d, next) || DeploymentConditions.TIMED_OUT.equals(current.get().getReason())) {
      return Optional.empty();
    }
    Duration after = Duration.between(now, Instant.parse(current.get().getLastUpdateTime())
        .plusSeconds(d.getSpec().getProgressDeadlineSeconds()));
    if (after.compareTo(Duration.ofSeconds(1)) < 0) {
      loop.queue().addRateLimited(Keys.of(d));
      return Optional.of(Duration.ZERO);
    }
    loop.queue().addAfter(Keys.of(d), after.plusSeconds(1));
    return Optional.of(after);
  }

  private static int n(Integer v) {
    return v == null ? 0 : v;
  }
}
