package io.kube4j.controllermanager.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kube4j.controllermanager.deployment.util.DeploymentConditions;
import io.kube4j.controllermanager.deployment.util.DeploymentReplicaSets;
import io.kube4j.controllermanager.deployment.util.Fenceposts;
import java.util.ArrayList;
import java.util.List;

/**
 * The RollingUpdate strategy ({@code rolling.go}): each sync first scales the new ReplicaSet up as far
 * as maxSurge allows, else scales old ReplicaSets down as far as maxUnavailable allows, then writes
 * the rollout status. Progress comes from the events of the pods becoming available in between.
 */
final class RollingUpdate {

  private final DeploymentSync sync;
  private final Progress progress;

  RollingUpdate(DeploymentSync sync, Progress progress) {
    this.sync = sync;
    this.progress = progress;
  }

  /** {@code rolloutRolling}. */
  void rollout(Deployment d, List<ReplicaSet> rsList) {
    DeploymentSync.ReplicaSetsOf rss = sync.allReplicaSetsAndSyncRevision(d, rsList, true);
    ReplicaSet newRS = rss.newRS();
    List<ReplicaSet> all = rss.all();
    if (reconcileNewReplicaSet(all, newRS, d)) {
      progress.syncRolloutStatus(all, newRS, d);
      return;
    }
    if (reconcileOldReplicaSets(all, new ArrayList<>(DeploymentReplicaSets.active(rss.oldRSs())), newRS, d)) {
      progress.syncRolloutStatus(all, newRS, d);
      return;
    }
    if (DeploymentConditions.complete(d, DeploymentSync.status(d))) {
      sync.cleanupDeployment(rss.oldRSs(), d);
    }
    progress.syncRolloutStatus(all, newRS, d);
  }

  /** {@code reconcileNewReplicaSet}: true when the new ReplicaSet was scaled. */
  boolean reconcileNewReplicaSet(List<ReplicaSet> allRSs, ReplicaSet newRS, Deployment d) {
    int replicas = d.getSpec().getReplicas();
    if (newRS.getSpec().getReplicas() == replicas) {
      return false;
    }
    if (newRS.getSpec().getReplicas() > replicas) {
      return sync.scaleReplicaSetAndRecordEvent(newRS, replicas, d) != newRS;
    }
    int newReplicasCount = Fenceposts.newRSNewReplicas(d, allRSs, newRS);
    return sync.scaleReplicaSetAndRecordEvent(newRS, newReplicasCount, d) != newRS;
  }

  /**
   * {@code reconcileOldReplicaSets}: scale old ReplicaSets down by at most
   * allPods − minAvailable − (new pods not yet available), unhealthy replicas first. Counting the
   * new ReplicaSet's unavailable pods keeps a rollout of crashing pods from eating into the old
   * ones. Worked example: 10 replicas, maxUnavailable 2, maxSurge 3; old at 8, new at 5 of which
   * none is available: 13 − 8 − 5 = 0, nothing is scaled down.
   */
  boolean reconcileOldReplicaSets(List<ReplicaSet> allRSs, List<ReplicaSet> oldRSs, ReplicaSet newRS, Deployment d) {
    if (DeploymentReplicaSets.replicaCount(oldRSs) == 0) {
      return false;
    }
    int allPods = DeploymentReplicaSets.replicaCount(allRSs);
    int minAvailable = d.getSpec().getReplicas() - Fenceposts.maxUnavailable(d);
    int newUnavailable = newRS.getSpec().getReplicas() - DeploymentReplicaSets.availableReplicaCount(List.of(newRS));
    int maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) {
      return false;
    }
    int cleanedUp = cleanupUnhealthyReplicas(oldRSs, d, maxScaledDown);
    List<ReplicaSet> all = new ArrayList<>(oldRSs);
    all.add(newRS);
    int scaledDown = scaleDownOldReplicaSetsForRollingUpdate(all, oldRSs, d);
    return cleanedUp + scaledDown > 0;
  }

  /**
   * {@code cleanupUnhealthyReplicas}: scale old ReplicaSets down by their unavailable replicas, oldest
   * first, at most {@code maxCleanupCount} in all; the ReplicaSet controller deletes not-ready pods
   * first, so this never lowers availability. {@code oldRSs} is updated in place.
   */
  int cleanupUnhealthyReplicas(List<ReplicaSet> oldRSs, Deployment d, int maxCleanupCount) {
    oldRSs.sort(DeploymentReplicaSets.BY_CREATION_TIMESTAMP);
    int total = 0;
    for (int i = 0; i < oldRSs.size() && total < maxCleanupCount; i++) {
      ReplicaSet rs = oldRSs.get(i);
      int replicas = rs.getSpec().getReplicas();
      int available = DeploymentReplicaSets.availableReplicaCount(List.of(rs));
      if (replicas == 0 || replicas == available) {
        continue;
      }
      int count = Math.min(maxCleanupCount - total, replicas - available);
      oldRSs.set(i, sync.scaleReplicaSetAndRecordEvent(rs, replicas - count, d));
      total += count;
    }
    return total;
  }

  /**
   * {@code scaleDownOldReplicaSetsForRollingUpdate}: scale old ReplicaSets down, oldest first, by as
   * many pods as are available beyond replicas − maxUnavailable.
   */
  int scaleDownOldReplicaSetsForRollingUpdate(List<ReplicaSet> allRSs, List<ReplicaSet> oldRSs, Deployment d) {
    int minAvailable = d.getSpec().getReplicas() - Fenceposts.maxUnavailable(d);
    int available = DeploymentReplicaSets.availableReplicaCount(allRSs);
    if (available <= minAvailable) {
      return 0;
    }
    oldRSs.sort(DeploymentReplicaSets.BY_CREATION_TIMESTAMP);
    int total = 0;
    int toScaleDown = available - minAvailable;
    for (ReplicaSet rs : oldRSs) {
      if (total >= toScaleDown) {
        break;
      }
      if (rs.getSpec().getReplicas() == 0) {
        continue;
      }
      int count = Math.min(rs.getSpec().getReplicas(), toScaleDown - total);
      sync.scaleReplicaSetAndRecordEvent(rs, rs.getSpec().getReplicas() - count, d);
      total += count;
    }
    return total;
  }
}
