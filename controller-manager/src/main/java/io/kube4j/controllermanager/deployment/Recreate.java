package io.kube4j.controllermanager.deployment;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kube4j.controllermanager.deployment.util.DeploymentConditions;
import io.kube4j.controllermanager.deployment.util.DeploymentReplicaSets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Recreate strategy ({@code recreate.go}): scale every old ReplicaSet to 0, wait until none of
 * their pods runs any more, then create and scale up the new one; never old and new pods at once.
 */
final class Recreate {

  private final DeploymentSync sync;
  private final Progress progress;

  Recreate(DeploymentSync sync, Progress progress) {
    this.sync = sync;
    this.progress = progress;
  }

  /** {@code rolloutRecreate}; {@code podMap} maps ReplicaSet UIDs to their pods. */
  void rollout(Deployment d, List<ReplicaSet> rsList, Supplier<Map<String, List<Pod>>> podMap) {
    // no new ReplicaSet yet: creating it now would scale up before scaling down
    DeploymentSync.ReplicaSetsOf rss = sync.allReplicaSetsAndSyncRevision(d, rsList, false);
    boolean scaledDown = false;
    for (ReplicaSet rs : DeploymentReplicaSets.active(rss.oldRSs())) {
      sync.scaleReplicaSetAndRecordEvent(rs, 0, d);
      scaledDown = true;
    }
    if (scaledDown || oldPodsRunning(rss.newRS(), rss.oldRSs(), podMap.get())) {
      progress.syncRolloutStatus(rss.all(), rss.newRS(), d);
      return;
    }
    if (rss.newRS() == null) {
      rss = sync.allReplicaSetsAndSyncRevision(d, rsList, true);
    }
    sync.scaleReplicaSetAndRecordEvent(rss.newRS(), d.getSpec().getReplicas(), d);
    if (DeploymentConditions.complete(d, DeploymentSync.status(d))) {
      sync.cleanupDeployment(rss.oldRSs(), d);
    }
    progress.syncRolloutStatus(rss.all(), rss.newRS(), d);
  }

  /**
   * {@code oldPodsRunning}: an old ReplicaSet still reports pods, or a pod of one is not finished
   * (Unknown counts as running: it may be).
   */
  static boolean oldPodsRunning(ReplicaSet newRS, List<ReplicaSet> oldRSs, Map<String, List<Pod>> podMap) {
    if (DeploymentReplicaSets.actualReplicaCount(oldRSs) > 0) {
      return true;
    }
    for (var e : podMap.entrySet()) {
      if (newRS != null && newRS.getMetadata().getUid().equals(e.getKey())) {
        continue;
      }
      for (Pod pod : e.getValue()) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if (!"Failed".equals(phase) && !"Succeeded".equals(phase)) {
          return true;
        }
      }
    }
    return false;
  }
}
