package io.kube4j.controllermanager.statefulset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.kube4j.controllermanager.history.ControllerRevisions;
import io.kube4j.controllermanager.history.History;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The StatefulSet's core loop ({@code defaultStatefulSetControl}). With OrderedReady (monotonic),
 * one pod at a time: a missing pod is created only when every lower ordinal is Running and Ready,
 * and pods beyond the replica count are deleted highest first, one at a time, only when all others
 * are healthy. With Parallel (burst), all missing pods are created and all condemned ones deleted at
 * once. A RollingUpdate then deletes the highest-ordinal pod not at the update revision (down to the
 * partition), waiting for each replacement to be available; OnDelete leaves that to the user.
 */
final class StatefulSetControl {

  private static final Logger LOG = LoggerFactory.getLogger(StatefulSetControl.class);

  /** The revisions a sync works with and the collision count it ended with. */
  record Revisions(ControllerRevision current, ControllerRevision update, int collisionCount) {}

  private final StatefulPodControl podControl;
  private final History history;
  private final StatefulSetStatusUpdater statusUpdater;
  private final Clock clock;

  StatefulSetControl(StatefulPodControl podControl, History history, StatefulSetStatusUpdater statusUpdater, Clock clock) {
    this.podControl = podControl;
    this.history = history;
    this.statusUpdater = statusUpdater;
    this.clock = clock;
  }

  /** {@code UpdateStatefulSet}: revisions, pods, status, then history truncated to the limit. */
  StatefulSetStatus updateStatefulSet(StatefulSet set, List<Pod> pods) {
    List<ControllerRevision> revisions = new ArrayList<>(history.list(set, set.getSpec().getSelector()));
    revisions.sort(ControllerRevisions.BY_REVISION);
    Revisions r = getStatefulSetRevisions(set, revisions);
    SyncResult result = StatefulSetSync.sync(set, r, pods, podControl, clock.instant());
    StatefulSetStatus status = result.status();
    RuntimeException failure = result.error();
    try {
      statusUpdater.update(set, status);
    } catch (RuntimeException e) {
      failure = failure == null ? e : failure;
    }
    truncateHistory(set, pods, revisions, r.current(), r.update());
    if (failure != null) {
      throw failure;
    }
    return status;
  }

  /** The status a sync computed, and the error that stopped it if any. */
  record SyncResult(StatefulSetStatus status, RuntimeException error) {}

  /**
   * {@code getStatefulSetRevisions}: the update revision is the revision for the current template:
   * the latest one if it already is, an older equal one renumbered to the top (a rollback), or a new
   * one. The current revision is the one {@code status.currentRevision} names, or the update
   * revision for a new set.
   */
  Revisions getStatefulSetRevisions(StatefulSet set, List<ControllerRevision> sorted) {
    int[] collisionCount = {set.getStatus() == null || set.getStatus().getCollisionCount() == null ? 0
        : set.getStatus().getCollisionCount()};
    ControllerRevision update = StatefulSets.newRevision(set, StatefulSets.nextRevision(sorted), collisionCount[0]);
    List<ControllerRevision> equal = ControllerRevisions.findEqual(sorted, update);
    if (!equal.isEmpty() && ControllerRevisions.equal(sorted.get(sorted.size() - 1), equal.get(equal.size() - 1))) {
      update = sorted.get(sorted.size() - 1);
    } else if (!equal.isEmpty()) {
      update = history.updateRevision(equal.get(equal.size() - 1), update.getRevision());
    } else {
      update = history.create(set, update, collisionCount);
    }
    String currentName = set.getStatus() == null ? null : set.getStatus().getCurrentRevision();
    ControllerRevision current = sorted.stream().filter(r -> r.getMetadata().getName().equals(currentName))
        .findFirst().orElse(update);
    return new Revisions(current, update, collisionCount[0]);
  }

  /**
   * {@code truncateHistory}: revisions that are neither current, nor the update, nor used by a pod
   * are deleted, oldest first, until {@code revisionHistoryLimit} of them remain.
   */
  private void truncateHistory(StatefulSet set, List<Pod> pods, List<ControllerRevision> sorted,
      ControllerRevision current, ControllerRevision update) {
    Set<String> live = new HashSet<>();
    live.add(current.getMetadata().getName());
    live.add(update.getMetadata().getName());
    pods.forEach(p -> live.add(StatefulSets.podRevision(p)));
    List<ControllerRevision> historic = sorted.stream().filter(r -> !live.contains(r.getMetadata().getName())).toList();
    int limit = set.getSpec().getRevisionHistoryLimit() == null ? 10 : set.getSpec().getRevisionHistoryLimit();
    if (limit < 0 || historic.size() <= limit) {
      return;
    }
    for (ControllerRevision r : historic.subList(0, historic.size() - limit)) {
      LOG.debug("statefulset {}: deleting revision {}", set.getMetadata().getName(), r.getMetadata().getName());
      history.delete(r);
    }
  }
}
