package io.kube4j.controllermanager.job;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code manageJob}: creates or deletes pods so that the number active is what the Job wants,
 * respecting the failure backoff, the expectations, and (Indexed Jobs) which indexes are pending.
 */
final class ManageJob {

  /** {@code MaxPodCreateDeletePerSync}: a sync creates or deletes at most this many pods. */
  static final int MAX_POD_CREATE_DELETE_PER_SYNC = 500;

  private final Clock clock;
  private final PodFailureBackoff backoff;
  private final SyncState state;
  private final PodControl podControl;

  ManageJob(Clock clock, PodFailureBackoff backoff, SyncState state, PodControl podControl) {
    this.clock = clock;
    this.backoff = backoff;
    this.state = state;
    this.podControl = podControl;
  }

  /** A creation or deletion failed part-way; {@code active} counts what did happen. */
  static final class ManageJobException extends Exception {
    final int active;
    final RuntimeException cause;

    ManageJobException(int active, RuntimeException cause) {
      this.active = active;
      this.cause = cause;
    }
  }

  /**
   * {@code manageJob}: the number of pods active after creating or deleting towards the wanted
   * number: {@code parallelism}, less if fewer completions remain; with no completions set, no new
   * pod once one has succeeded. A sync either deletes or creates, never both.
   */
  int manage(SyncJobContext ctx) throws ManageJobException {
    Job job = ctx.job;
    int active = ctx.activePods.size();
    int parallelism = job.getSpec().getParallelism() == null ? 1 : job.getSpec().getParallelism();
    if (JobSync.suspended(job)) {
      return active - deleteJobPods(ctx, activePodsForRemoval(job, ctx.activePods, active), active);
    }
    int wantActive;
    if (job.getSpec().getCompletions() == null) {
      wantActive = ctx.succeeded > 0 ? active : parallelism;
    } else {
      wantActive = Math.max(0, Math.min(job.getSpec().getCompletions() - ctx.succeeded, parallelism));
    }
    List<Pod> toDelete = activePodsForRemoval(job, ctx.activePods, Math.max(0, active - wantActive));
    if (toDelete.size() > MAX_POD_CREATE_DELETE_PER_SYNC) {
      toDelete = toDelete.subList(0, MAX_POD_CREATE_DELETE_PER_SYNC);
    }
    if (!toDelete.isEmpty()) {
      return active - deleteJobPods(ctx, toDelete, active);
    }
    int terminating = JobPods.onlyReplaceFailedPods(job) ? ctx.terminating : 0;
    int diff = Math.min(wantActive - terminating - active, MAX_POD_CREATE_DELETE_PER_SYNC);
    if (diff <= 0) {
      return active;
    }
    if (!IndexedJobs.hasBackoffLimitPerIndex(job)) {
      Duration remaining = backoff.remaining(clock, ctx.newBackoffRecord.failuresAfterLastSuccess(),
          ctx.newBackoffRecord.lastFailureTime());
      if (!remaining.isZero() && !remaining.isNegative()) {
        state.queue().addAfter(ctx.key, remaining.compareTo(JobController.SYNC_BATCH_PERIOD) < 0
            ? JobController.SYNC_BATCH_PERIOD : remaining);
        return active;
      }
    }
    List<Integer> indexes = new ArrayList<>();
    if (IndexedJobs.isIndexed(job)) {
      indexes = IndexedJobs.firstPendingIndexes(job, ctx.activePods,
          ctx.pods.stream().filter(JobPods::terminating).toList(), ctx.succeededIndexes,
          ctx.failedIndexes == null ? OrderedIntervals.empty() : ctx.failedIndexes, diff);
      if (IndexedJobs.hasBackoffLimitPerIndex(job)) {
        indexes = indexesReadyToCreate(ctx, indexes);
        if (indexes.isEmpty()) {
          return active;
        }
      }
      diff = indexes.size();
    }
    return active + createPods(ctx, indexes, diff);
  }

  /** Of the pending indexes, those whose own backoff has passed; if none, look again when the first ends. */
  private List<Integer> indexesReadyToCreate(SyncJobContext ctx, List<Integer> pending) {
    List<Integer> now = new ArrayList<>();
    Duration soonest = null;
    for (int ix : pending) {
      Pod last = ctx.podsWithDelayedDeletionPerIndex.get(ix);
      Duration left = last == null ? Duration.ZERO
          : backoff.remaining(clock, IndexedJobs.absoluteFailures(last) + 1, JobPods.finishedTime(last));
      if (left.isZero()) {
        now.add(ix);
      } else if (soonest == null || left.compareTo(soonest) < 0) {
        soonest = left;
      }
    }
    if (now.isEmpty() && soonest != null) {
      state.queue().addAfter(ctx.key, soonest.compareTo(JobController.SYNC_BATCH_PERIOD) < 0
          ? JobController.SYNC_BATCH_PERIOD : soonest);
    }
    return now;
  }

  /**
   * Creates {@code count} pods (one per index for an Indexed Job), each with the tracking finalizer.
   * Creation stops at the first error, as upstream's slow start stops after a failing batch, so a
   * quota refusing one pod is not asked again for every other one; the expectations of the pods
   * never attempted are taken back.
   */
  private int createPods(SyncJobContext ctx, List<Integer> indexes, int count) throws ManageJobException {
    Job job = ctx.job;
    state.expectations().expectCreations(ctx.key, count);
    PodTemplateSpec base = new PodTemplateSpecBuilder(job.getSpec().getTemplate()).build();
    if (base.getMetadata() == null) {
      base.setMetadata(new ObjectMeta());
    }
    if (IndexedJobs.isIndexed(job)) {
      IndexedJobs.addCompletionIndexEnv(base);
    }
    List<String> finalizers = base.getMetadata().getFinalizers() == null ? new ArrayList<>()
        : new ArrayList<>(base.getMetadata().getFinalizers());
    if (!finalizers.contains(JobPods.TRACKING_FINALIZER)) {
      finalizers.add(JobPods.TRACKING_FINALIZER);
    }
    base.getMetadata().setFinalizers(finalizers);
    for (int i = 0; i < count; i++) {
      PodTemplateSpec template = base;
      String generateName = job.getMetadata().getName() + "-";
      if (!indexes.isEmpty()) {
        int ix = indexes.get(i);
        template = new PodTemplateSpecBuilder(base).build();
        IndexedJobs.forIndex(job, template, ix, ctx.podsWithDelayedDeletionPerIndex.get(ix));
        generateName = IndexedJobs.generateNameWithIndex(job.getMetadata().getName(), ix);
      }
      try {
        podControl.create(job, template, generateName);
      } catch (KubernetesClientException e) {
        for (int skipped = i; skipped < count; skipped++) {
          state.expectations().creationObserved(ctx.key);
        }
        throw new ManageJobException(ctx.activePods.size() + i, e);
      }
    }
    return count;
  }

  /**
   * {@code deleteJobPods}: removes each pod's finalizer first, so that a pod the controller deletes
   * on purpose is not then counted as failed, and deletes it. Returns how many were deleted.
   */
  private int deleteJobPods(SyncJobContext ctx, List<Pod> pods, int active) throws ManageJobException {
    state.expectations().expectDeletions(ctx.key, pods.size());
    int removed = 0;
    for (Pod p : pods) {
      try {
        if (JobPods.hasTrackingFinalizer(p)) {
          podControl.removeTrackingFinalizer(p);
        }
        podControl.delete(ctx.job, p);
        removed++;
        ctx.terminating++;
        ctx.ready -= JobPods.ready(p) ? 1 : 0;
      } catch (KubernetesClientException e) {
        state.expectations().deletionObserved(ctx.key);
        if (e.getCode() != 404) {
          throw new ManageJobException(active - removed, e);
        }
      }
    }
    return removed;
  }

  /**
   * {@code activePodsForRemoval}: for an Indexed Job, first pods with a missing, out-of-range or
   * duplicated index; then, to reach {@code rmAtLeast}, pods in {@link JobPods#DELETION_ORDER}.
   */
  static List<Pod> activePodsForRemoval(Job job, List<Pod> pods, int rmAtLeast) {
    List<Pod> rm = new ArrayList<>();
    List<Pod> left = new ArrayList<>();
    if (IndexedJobs.isIndexed(job)) {
      rm.addAll(IndexedJobs.duplicatedIndexPodsForRemoval(job, pods, left));
    } else {
      left.addAll(pods);
    }
    if (rm.size() < rmAtLeast) {
      left.sort(JobPods.DELETION_ORDER);
      rm.addAll(left.subList(0, Math.min(left.size(), rmAtLeast - rm.size())));
    }
    return rm;
  }
}
