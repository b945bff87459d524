package io.kube4j.controllermanager.statefulset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass of {@code updateStatefulSet} over a StatefulSet's pods: each replica in ordinal range is
 * created, repaired or waited for ({@code processReplica}); pods out of range are deleted
 * ({@code processCondemned}); then one step of the rolling update. In OrderedReady mode the pass
 * stops at the first pod it must wait for; in Parallel mode it goes through them all.
 */
final class StatefulSetSync {

  /** A step's outcome: whether an OrderedReady pass must stop here. */
  @FunctionalInterface
  private interface Step {
    boolean run(int i);
  }

  private final StatefulSet set;
  private final StatefulSet currentSet;
  private final StatefulSet updateSet;
  private final StatefulSetControl.Revisions revisions;
  private final StatefulPodControl podControl;
  private final Instant now;
  private final boolean monotonic;
  private final int minReady;

  private StatefulSetSync(StatefulSet set, StatefulSetControl.Revisions revisions, StatefulPodControl podControl,
      Instant now) {
    this.set = set;
    this.currentSet = StatefulSets.applyRevision(set, revisions.current());
    this.updateSet = StatefulSets.applyRevision(set, revisions.update());
    this.revisions = revisions;
    this.podControl = podControl;
    this.now = now;
    this.monotonic = !StatefulSets.allowsBurst(set);
    this.minReady = StatefulSets.minReadySeconds(set);
  }

  /** Runs one pass; the status is valid (to be written) even when the pass failed half-way. */
  static StatefulSetControl.SyncResult sync(StatefulSet set, StatefulSetControl.Revisions revisions, List<Pod> pods,
      StatefulPodControl podControl, Instant now) {
    StatefulSetSync s = new StatefulSetSync(set, revisions, podControl, now);
    StatefulSetStatus status = s.initialStatus(pods);
    try {
      s.run(status, pods);
      return new StatefulSetControl.SyncResult(status, null);
    } catch (RuntimeException e) {
      return new StatefulSetControl.SyncResult(status, e);
    }
  }

  private StatefulSetStatus initialStatus(List<Pod> pods) {
    StatefulSetStatus status = new StatefulSetStatus();
    status.setObservedGeneration(set.getMetadata().getGeneration());
    status.setCurrentRevision(revisions.current().getMetadata().getName());
    status.setUpdateRevision(revisions.update().getMetadata().getName());
    status.setCollisionCount(revisions.collisionCount());
    count(status, pods);
    return status;
  }

  private void run(StatefulSetStatus status, List<Pod> pods) {
    int start = StatefulSets.startOrdinal(set);
    int end = StatefulSets.endOrdinal(set);
    Pod[] replicas = new Pod[Math.max(0, end - start + 1)];
    List<Pod> condemned = new ArrayList<>();
    for (Pod pod : pods) {
      if (StatefulSets.inOrdinalRange(pod, set)) {
        replicas[StatefulSets.ordinal(pod) - start] = pod;
      } else if (StatefulSets.ordinal(pod) >= 0) {
        condemned.add(pod);
      }
    }
    int currentReplicas = set.getStatus() == null || set.getStatus().getCurrentReplicas() == null ? 0
        : set.getStatus().getCurrentReplicas();
    for (int ord = start; ord <= end; ord++) {
      if (replicas[ord - start] == null) {
        replicas[ord - start] = StatefulSets.newVersionedPod(currentSet, updateSet,
            revisions.current().getMetadata().getName(), revisions.update().getMetadata().getName(), ord, currentReplicas);
      }
    }
    condemned.sort(StatefulSets.DESCENDING_ORDINAL);
    Pod firstUnhealthy = null;
    for (Pod p : replicas) {
      if (firstUnhealthy == null && StatefulSets.isUnavailable(p, minReady, now)) {
        firstUnhealthy = p;
      }
    }
    for (int i = condemned.size() - 1; i >= 0 && firstUnhealthy == null; i--) {
      if (StatefulSets.isUnavailable(condemned.get(i), minReady, now)) {
        firstUnhealthy = condemned.get(i);
      }
    }
    List<Pod> all = new ArrayList<>(List.of(replicas));
    all.addAll(condemned);
    if (set.getMetadata().getDeletionTimestamp() != null) {
      return;  // being deleted: status only
    }
    Pod unhealthy = firstUnhealthy;
    try {
      if (runForAll(replicas.length, i -> processReplica(replicas, i))
          || runForAll(condemned.size(), i -> fixClaim(condemned.get(i)))
          || runForAll(condemned.size(), i -> processCondemned(condemned.get(i), unhealthy))) {
        return;
      }
    } finally {
      count(status, all);
    }
    if (!"OnDelete".equals(set.getSpec().getUpdateStrategy().getType())) {
      rollingUpdate(status, replicas);
    }
  }

  /**
   * {@code runForAll}: OrderedReady stops at the first step that asks to; Parallel runs every step
   * (upstream in slow-start batches) and stops only on an error.
   */
  private boolean runForAll(int n, Step step) {
    RuntimeException first = null;
    for (int i = 0; i < n; i++) {
      try {
        if (step.run(i) && monotonic) {
          return true;
        }
      } catch (RuntimeException e) {
        if (monotonic) {
          throw e;
        }
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
    return false;
  }

  /** {@code processReplica}: true when an OrderedReady pass must wait here. */
  private boolean processReplica(Pod[] replicas, int i) {
    Pod pod = replicas[i];
    String phase = pod.getStatus() == null || pod.getStatus().getPhase() == null ? "" : pod.getStatus().getPhase();
    // a pod that exited, for whatever reason, is deleted; the next pass recreates it
    if (phase.equals("Failed") || phase.equals("Succeeded")) {
      if (!StatefulSets.isTerminating(pod)) {
        podControl.deleteStatefulPod(set, pod);
      }
      return true;
    }
    if (!StatefulSets.isCreated(pod)) {
      if (podControl.podClaimIsStale(set, pod)) {
        return true;  // a claim still owned by the previous pod of this name: wait for the GC to delete it
      }
      try {
        podControl.createStatefulPod(set, pod);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
      if (monotonic) {
        return true;
      }
    }
    if (phase.equals("Pending")) {
      podControl.createMissingClaims(set, pod);
    }
    if (monotonic && (StatefulSets.isTerminating(pod) || !StatefulSets.isRunningAndReady(pod)
        || !StatefulSets.isRunningAndAvailable(pod, minReady, now))) {
      return true;
    }
    boolean retentionMatch = !StatefulSets.isCreated(pod) || podControl.claimsMatchRetentionPolicy(updateSet, pod);
    if (StatefulSets.identityMatches(set, pod) && StatefulSets.storageMatches(set, pod) && retentionMatch) {
      return false;
    }
    if (StatefulSets.isCreated(pod)) {
      podControl.updateStatefulPod(updateSet, pod);
    }
    return false;
  }

  /** Claims of a condemned pod get the owner references the policy gives scaled-down pods. */
  private boolean fixClaim(Pod pod) {
    if (!podControl.claimsMatchRetentionPolicy(updateSet, pod)) {
      podControl.updateClaimsForRetentionPolicy(updateSet, pod);
    }
    return false;
  }

  /**
   * {@code processCondemned}: OrderedReady deletes a condemned pod only when it is not waiting for
   * one to terminate and every pod is healthy, except that the first unhealthy pod itself may go.
   */
  private boolean processCondemned(Pod pod, Pod firstUnhealthy) {
    if (StatefulSets.isTerminating(pod)) {
      return monotonic;
    }
    if (monotonic && pod != firstUnhealthy && (!StatefulSets.isRunningAndReady(pod)
        || !StatefulSets.isRunningAndAvailable(pod, minReady, now))) {
      return true;
    }
    podControl.deleteStatefulPod(set, pod);
    return true;
  }

  /**
   * One step of the rolling update: from the highest ordinal down to the partition, delete the first
   * pod not at the update revision (the next pass recreates it at that revision), or stop at the
   * first pod that is not yet available. With 3 replicas and partition 1: web-2, then web-1; web-0
   * keeps the current revision.
   */
  private void rollingUpdate(StatefulSetStatus status, Pod[] replicas) {
    int updateMin = StatefulSets.partition(set);
    String updateRevision = revisions.update().getMetadata().getName();
    for (int target = replicas.length - 1; target >= updateMin; target--) {
      Pod pod = replicas[target];
      if (!StatefulSets.podRevision(pod).equals(updateRevision) && !StatefulSets.isTerminating(pod)) {
        try {
          podControl.deleteStatefulPod(set, pod);
        } catch (KubernetesClientException e) {
          if (e.getCode() != 404) {
            throw e;
          }
        }
        status.setCurrentReplicas(status.getCurrentReplicas() - 1);
        return;
      }
      if (StatefulSets.isUnavailable(pod, minReady, now)) {
        return;
      }
    }
  }

  /** {@code updateStatus}/{@code computeReplicaStatus}. */
  private void count(StatefulSetStatus status, List<Pod> pods) {
    int replicas = 0;
    int ready = 0;
    int available = 0;
    int current = 0;
    int updated = 0;
    for (Pod pod : pods) {
      if (pod == null) {
        continue;
      }
      boolean created = StatefulSets.isCreated(pod);
      if (created) {
        replicas++;
      }
      if (StatefulSets.isRunningAndReady(pod)) {
        ready++;
        if (StatefulSets.isRunningAndAvailable(pod, minReady, now)) {
          available++;
        }
      }
      if (created && !StatefulSets.isTerminating(pod)) {
        String revision = StatefulSets.podRevision(pod);
        if (revision.equals(revisions.current().getMetadata().getName())) {
          current++;
        }
        if (revision.equals(revisions.update().getMetadata().getName())) {
          updated++;
        }
      }
    }
    status.setReplicas(replicas);
    status.setReadyReplicas(ready);
    status.setAvailableReplicas(available);
    status.setCurrentReplicas(current);
    status.setUpdatedReplicas(updated);
  }
}
