package io.kube4j.controllermanager.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllermanager.controller.ControllerRefs;
import io.kube4j.controllermanager.deployment.util.DeploymentConditions;
import io.kube4j.controllermanager.deployment.util.DeploymentReplicaSets;
import io.kube4j.controllermanager.deployment.util.Fenceposts;
import io.kube4j.controllermanager.deployment.util.Revisions;
import io.kube4j.controllermanager.record.EventRecorder;
import io.kube4j.controllermanager.controller.DeepCopy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Scaling and status ({@code sync.go}): what a sync does when the Deployment is paused or only
 * scaled, and the writes every strategy shares. Methods change the Deployment copy they are given
 * (its status, its revision annotation) as upstream's do.
 */
final class DeploymentSync {

  static final String SCALING_REPLICA_SET = "ScalingReplicaSet";

  final KubernetesClient client;
  final EventRecorder recorder;
  final Clock clock;
  final NewReplicaSets newReplicaSets;

  DeploymentSync(KubernetesClient client, EventRecorder recorder, Clock clock, NewReplicaSets newReplicaSets) {
    this.client = client;
    this.recorder = recorder;
    this.clock = clock;
    this.newReplicaSets = newReplicaSets;
  }

  /** The new ReplicaSet (null if none) and all old ones. */
  record ReplicaSetsOf(ReplicaSet newRS, List<ReplicaSet> oldRSs) {
    List<ReplicaSet> all() {
      List<ReplicaSet> all = new ArrayList<>(oldRSs);
      if (newRS != null) {
        all.add(newRS);
      }
      return all;
    }
  }

  /**
   * {@code getAllReplicaSetsAndSyncRevision}: the old ReplicaSets, and the new one with its revision
   * raised to max(old) + 1 (created if asked and missing); the Deployment's revision follows.
   */
  ReplicaSetsOf allReplicaSetsAndSyncRevision(Deployment d, List<ReplicaSet> rsList, boolean createIfNotExisted) {
    List<ReplicaSet> allOld = DeploymentReplicaSets.findAllOld(d, rsList);
    ReplicaSet newRS = newReplicaSets.getNewReplicaSet(this, d, rsList, allOld, createIfNotExisted);
    return new ReplicaSetsOf(newRS, allOld);
  }

  /** {@code syncStatusOnly}: a Deployment being deleted only gets its status written. */
  void syncStatusOnly(Deployment d, List<ReplicaSet> rsList) {
    ReplicaSetsOf rss = allReplicaSetsAndSyncRevision(d, rsList, false);
    syncDeploymentStatus(rss.all(), rss.newRS(), d);
  }

  /** {@code sync}: a scaling event or a paused Deployment: scale, clean up when paused, write status. */
  void sync(Deployment d, List<ReplicaSet> rsList) {
    ReplicaSetsOf rss = allReplicaSetsAndSyncRevision(d, rsList, false);
    scale(d, rss.newRS(), rss.oldRSs());
    if (Boolean.TRUE.equals(d.getSpec().getPaused()) && Rollback.rollbackTo(d).isEmpty()) {
      cleanupDeployment(rss.oldRSs(), d);
    }
    syncDeploymentStatus(rss.all(), rss.newRS(), d);
  }

  /**
   * {@code checkPausedConditions}: Progressing becomes Unknown/DeploymentPaused on pause and
   * Unknown/DeploymentResumed on resume, so that time spent paused never counts against
   * {@code progressDeadlineSeconds}; a timed-out Deployment keeps saying so.
   */
  void checkPausedConditions(Deployment d) {
    if (!DeploymentConditions.hasProgressDeadline(d)) {
      return;
    }
    var cond = DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING);
    if (cond.isPresent() && DeploymentConditions.TIMED_OUT.equals(cond.get().getReason())) {
      return;
    }
    boolean pausedCondExists = cond.isPresent() && DeploymentConditions.PAUSED.equals(cond.get().getReason());
    boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());
    if (paused && !pausedCondExists) {
      DeploymentConditions.set(status(d), DeploymentConditions.newCondition(DeploymentConditions.PROGRESSING, "Unknown",
          DeploymentConditions.PAUSED, "Deployment is paused", clock.instant()));
    } else if (!paused && pausedCondExists) {
      DeploymentConditions.set(status(d), DeploymentConditions.newCondition(DeploymentConditions.PROGRESSING, "Unknown",
          DeploymentConditions.RESUMED, "Deployment is resumed", clock.instant()));
    } else {
      return;
    }
    updateStatus(d);
  }

  /**
   * {@code isScalingEvent}: an active ReplicaSet was sized for another number of replicas than the
   * Deployment now wants (its desired-replicas annotation).
   */
  boolean isScalingEvent(Deployment d, List<ReplicaSet> rsList) {
    ReplicaSetsOf rss = allReplicaSetsAndSyncRevision(d, rsList, false);
    for (ReplicaSet rs : DeploymentReplicaSets.active(rss.all())) {
      OptionalInt desired = Revisions.intAnnotation(rs, Revisions.DESIRED_REPLICAS);
      if (desired.isPresent() && desired.getAsInt() != d.getSpec().getReplicas()) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code scale}: one active (or no active) ReplicaSet takes all replicas; a saturated new one means
   * the old ones go to 0; otherwise, in a rolling update, the difference to replicas + maxSurge is
   * shared among the active ReplicaSets in proportion to their size, largest first, leftovers to the
   * largest.
   */
  void scale(Deployment d, ReplicaSet newRS, List<ReplicaSet> oldRSs) {
    ReplicaSet activeOrLatest = DeploymentReplicaSets.findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest != null) {
      if (!activeOrLatest.getSpec().getReplicas().equals(d.getSpec().getReplicas())) {
        scaleReplicaSetAndRecordEvent(activeOrLatest, d.getSpec().getReplicas(), d);
      }
      return;
    }
    if (Fenceposts.isSaturated(d, newRS)) {
      for (ReplicaSet old : DeploymentReplicaSets.active(oldRSs)) {
        scaleReplicaSetAndRecordEvent(old, 0, d);
      }
      return;
    }
    if (!Fenceposts.isRollingUpdate(d)) {
      return;
    }
    List<ReplicaSet> all = new ArrayList<>(oldRSs);
    all.add(newRS);
    List<ReplicaSet> active = DeploymentReplicaSets.active(all);
    Map<String, ReplicaSet> byName = new HashMap<>();
    active.forEach(rs -> byName.put(rs.getMetadata().getName(), rs));
    // in the order upstream scales them; a failure stops here and the Deployment is retried
    Fenceposts.proportionalSizes(d, active).forEach((name, size) -> scaleReplicaSet(byName.get(name), size, d));
  }

  /** {@code scaleReplicaSetAndRecordEvent}: nothing when already that size. */
  ReplicaSet scaleReplicaSetAndRecordEvent(ReplicaSet rs, int newScale, Deployment d) {
    if (rs.getSpec().getReplicas() == newScale) {
      return rs;
    }
    return scaleReplicaSet(rs, newScale, d);
  }

  /**
   * {@code scaleReplicaSet}: PUT the new size and the replicas annotations; a size change is recorded
   * as {@code ScalingReplicaSet}, e.g. "Scaled up replica set web-7d4b9c8f5 from 0 to 5". Returns the
   * ReplicaSet as stored (or as given when nothing changed).
   */
  ReplicaSet scaleReplicaSet(ReplicaSet rs, int newScale, Deployment d) {
    int replicas = d.getSpec().getReplicas();
    int maxReplicas = replicas + Fenceposts.maxSurge(d);
    boolean sizeNeedsUpdate = rs.getSpec().getReplicas() != newScale;
    if (!sizeNeedsUpdate && !Revisions.replicasAnnotationsNeedUpdate(rs, replicas, maxReplicas)) {
      return rs;
    }
    int oldScale = rs.getSpec().getReplicas();
    ReplicaSet copy = DeepCopy.of(rs);
    copy.getSpec().setReplicas(newScale);
    Revisions.setReplicasAnnotations(copy, replicas, maxReplicas);
    ReplicaSet updated = client.apps().replicaSets().inNamespace(copy.getMetadata().getNamespace()).resource(copy)
        .update();
    if (sizeNeedsUpdate) {
      recorder.event(ControllerRefs.referenceTo(d, "apps/v1", "Deployment"), EventRecorder.TYPE_NORMAL,
          SCALING_REPLICA_SET, "Scaled " + (oldScale < newScale ? "up" : "down") + " replica set "
              + updated.getMetadata().getName() + " from " + oldScale + " to " + newScale);
    }
    return updated;
  }

  /**
   * {@code cleanupDeployment}: deletes the oldest old ReplicaSets beyond {@code revisionHistoryLimit},
   * only those scaled to 0 with no pods left and their status current.
   */
  void cleanupDeployment(List<ReplicaSet> oldRSs, Deployment d) {
    Integer limit = d.getSpec().getRevisionHistoryLimit();
    if (limit == null) {
      return;
    }
    List<ReplicaSet> cleanable = new ArrayList<>(oldRSs.stream()
        .filter(rs -> rs != null && rs.getMetadata().getDeletionTimestamp() == null).toList());
    int diff = cleanable.size() - limit;
    if (diff <= 0) {
      return;
    }
    cleanable.sort(DeploymentReplicaSets.BY_REVISION);
    for (int i = 0; i < diff; i++) {
      ReplicaSet rs = cleanable.get(i);
      var s = rs.getStatus();
      long observed = s == null || s.getObservedGeneration() == null ? 0 : s.getObservedGeneration();
      if ((s != null && s.getReplicas() != null && s.getReplicas() != 0) || rs.getSpec().getReplicas() != 0
          || rs.getMetadata().getGeneration() > observed) {
        continue;
      }
      try {
        client.apps().replicaSets().inNamespace(rs.getMetadata().getNamespace()).withName(rs.getMetadata().getName())
            .delete();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw e;
        }
      }
    }
  }

  /** {@code syncDeploymentStatus}: write the calculated status if it differs. */
  void syncDeploymentStatus(List<ReplicaSet> allRSs, ReplicaSet newRS, Deployment d) {
    DeploymentStatus next = calculateStatus(allRSs, newRS, d);
    if (sameStatus(d.getStatus(), next)) {
      return;
    }
    d.setStatus(next);
    updateStatus(d);
  }

  /**
   * {@code calculateStatus}: counts summed over the ReplicaSets' statuses (updated = the new one's),
   * and Available True when at least replicas − maxUnavailable pods are available.
   */
  DeploymentStatus calculateStatus(List<ReplicaSet> allRSs, ReplicaSet newRS, Deployment d) {
    int available = DeploymentReplicaSets.availableReplicaCount(allRSs);
    int total = DeploymentReplicaSets.actualReplicaCount(allRSs);
    DeploymentStatus old = status(d);
    DeploymentStatus s = new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
        .withReplicas(total)
        .withUpdatedReplicas(DeploymentReplicaSets.actualReplicaCount(newRS == null ? List.of() : List.of(newRS)))
        .withReadyReplicas(DeploymentReplicaSets.readyReplicaCount(allRSs)).withAvailableReplicas(available)
        .withUnavailableReplicas(Math.max(0, total - available)).withCollisionCount(old.getCollisionCount())
        .withConditions(old.getConditions() == null ? new ArrayList<>() : new ArrayList<>(old.getConditions())).build();
    if (available >= d.getSpec().getReplicas() - Fenceposts.maxUnavailable(d)) {
      DeploymentConditions.set(s, DeploymentConditions.newCondition(DeploymentConditions.AVAILABLE, "True",
          DeploymentConditions.MINIMUM_REPLICAS_AVAILABLE, "Deployment has minimum availability.", clock.instant()));
    } else {
      DeploymentConditions.set(s, DeploymentConditions.newCondition(DeploymentConditions.AVAILABLE, "False",
          DeploymentConditions.MINIMUM_REPLICAS_UNAVAILABLE, "Deployment does not have minimum availability.",
          clock.instant()));
    }
    return s;
  }

  /**
   * PUT the Deployment's status (a status update also carries annotation changes, such as the
   * revision); the copy continues with the stored resourceVersion.
   */
  void updateStatus(Deployment d) {
    Deployment stored = client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(d)
        .updateStatus();
    d.getMetadata().setResourceVersion(stored.getMetadata().getResourceVersion());
  }

  /**
   * {@code reflect.DeepEqual} of two statuses, reading an absent count as 0 (the API may leave zero
   * counts out; comparing them strictly would rewrite an unchanged status forever).
   */
  static boolean sameStatus(DeploymentStatus a, DeploymentStatus b) {
    DeploymentStatus x = a == null ? new DeploymentStatus() : a;
    DeploymentStatus y = b == null ? new DeploymentStatus() : b;
    return n(x.getReplicas()) == n(y.getReplicas()) && n(x.getUpdatedReplicas()) == n(y.getUpdatedReplicas())
        && n(x.getReadyReplicas()) == n(y.getReadyReplicas()) && n(x.getAvailableReplicas()) == n(y.getAvailableReplicas())
        && n(x.getUnavailableReplicas()) == n(y.getUnavailableReplicas())
        && Objects.equals(x.getObservedGeneration() == null ? 0L : x.getObservedGeneration(),
            y.getObservedGeneration() == null ? 0L : y.getObservedGeneration())
        && Objects.equals(x.getCollisionCount(), y.getCollisionCount())
        && Objects.equals(emptyToNull(x.getConditions()), emptyToNull(y.getConditions()));
  }

  private static int n(Integer v) {
    return v == null ? 0 : v;
  }

  private static Object emptyToNull(List<?> l) {
    return l == null || l.isEmpty() ? null : l;
  }

  static DeploymentStatus status(Deployment d) {
    if (d.getStatus() == null) {
      d.setStatus(new DeploymentStatus());
    }
    return d.getStatus();
  }
}
