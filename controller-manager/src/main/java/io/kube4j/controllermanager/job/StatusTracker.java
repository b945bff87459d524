package io.kube4j.controllermanager.job;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.UncountedTerminatedPods;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllermanager.record.EventRecorder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code trackJobStatusAndRemoveFinalizers}: counts finished pods exactly once, whatever happens to
 * them afterwards. A finished pod still has the tracking finalizer, so it cannot vanish uncounted;
 * the controller (1) writes its UID into {@code status.uncountedTerminatedPods}, (2) removes its
 * finalizer, (3) moves it from the uncounted list into {@code succeeded}/{@code failed}. A crash
 * between any two steps is repaired by the next sync: a UID in the list whose pod has no finalizer
 * any more is counted then. Finally the terminal condition is added once nothing is left to count.
 */
final class StatusTracker {

  /** {@code MaxUncountedPods}: keeps the UID lists in the status under about 20 KB. */
  static final int MAX_UNCOUNTED_PODS = 500;

  private final KubernetesClient client;
  private final Clock clock;
  private final SyncState state;
  private final PodControl podControl;

  StatusTracker(KubernetesClient client, Clock clock, SyncState state, PodControl podControl) {
    this.client = client;
    this.clock = clock;
    this.state = state;
    this.podControl = podControl;
  }

  /**
   * {@code getValidPodsWithFilter}: pods that still hold the finalizer, are not in {@code uncounted}
   * nor awaiting finalizer removal, have a valid index (Indexed Jobs), and pass {@code filter}.
   */
  List<Pod> newFinishedPods(SyncJobContext ctx, Set<String> uncounted, Predicate<Pod> filter) {
    List<Pod> result = new ArrayList<>();
    for (Pod p : ctx.pods) {
      String uid = p.getMetadata().getUid();
      if (!JobPods.hasTrackingFinalizer(p) || uncounted.contains(uid) || ctx.expectedRmFinalizers.contains(uid)) {
        continue;
      }
      if (IndexedJobs.isIndexed(ctx.job) && !IndexedJobs.validIndex(ctx.job, JobPods.completionIndex(p))) {
        continue;
      }
      if (filter.test(p)) {
        result.add(p);
      }
    }
    return result;
  }

  void trackJobStatusAndRemoveFinalizers(SyncJobContext ctx, boolean needsFlush) {
    Job job = ctx.job;
    JobStatus status = job.getStatus();
    boolean indexed = IndexedJobs.isIndexed(job);
    UncountedTerminatedPods uncounted = status.getUncountedTerminatedPods();
    List<String> uncountedSucceeded = new ArrayList<>(nz(uncounted.getSucceeded()));
    List<String> uncountedFailed = new ArrayList<>(nz(uncounted.getFailed()));
    uncounted.setSucceeded(uncountedSucceeded);
    uncounted.setFailed(uncountedFailed);
    List<Pod> pods = new ArrayList<>(ctx.pods);
    if (indexed) {
      pods.sort(IndexedJobs.BY_INDEX); // completed indexes are introduced in order
    }
    Set<String> uidsWithFinalizer = new HashSet<>();
    for (Pod p : pods) {
      if (JobPods.hasTrackingFinalizer(p) && !ctx.expectedRmFinalizers.contains(p.getMetadata().getUid())) {
        uidsWithFinalizer.add(p.getMetadata().getUid());
      }
    }
    needsFlush |= cleanUncountedPodsWithoutFinalizers(status, uidsWithFinalizer);
    List<Pod> podsToRemoveFinalizer = new ArrayList<>();
    List<Integer> newSucceededIndexes = new ArrayList<>();
    boolean reachedMaxUncountedPods = false;
    for (Pod pod : pods) {
      String uid = pod.getMetadata().getUid();
      if (!JobPods.hasTrackingFinalizer(pod) || ctx.expectedRmFinalizers.contains(uid)) {
        continue; // counted in an earlier sync
      }
      boolean considerFailed = JobPods.failed(pod, job);
      if (!canRemoveFinalizer(ctx, pod, considerFailed)) {
        continue;
      }
      podsToRemoveFinalizer.add(pod);
      int ix = JobPods.completionIndex(pod);
      if (JobPods.succeeded(pod) && !ctx.uncountedFailed.contains(uid)) {
        if (indexed) {
          // the index itself says whether it was counted: no UID needed
          if (IndexedJobs.validIndex(job, ix) && !ctx.prevSucceededIndexes.has(ix)) {
            newSucceededIndexes.add(ix);
            needsFlush = true;
          }
        } else if (!ctx.uncountedSucceeded.contains(uid)) {
          uncountedSucceeded.add(uid);
          needsFlush = true;
        }
      } else if (considerFailed || (ctx.finishedCondition != null && !isSuccessCriteriaMet(ctx.finishedCondition))) {
        // once the Job has failed, every pod not yet finished counts as failed
        if (!ctx.uncountedFailed.contains(uid) && (!indexed || IndexedJobs.validIndex(job, ix))) {
          boolean counts = job.getSpec().getPodFailurePolicy() == null
              || PodFailurePolicies.match(job.getSpec().getPodFailurePolicy(), pod).countFailed();
          if (counts) {
            uncountedFailed.add(uid);
            needsFlush = true;
          }
        }
      }
      if (newSucceededIndexes.size() + uncountedSucceeded.size() + uncountedFailed.size() >= MAX_UNCOUNTED_PODS) {
        // the rest waits for the next sync, which this status update triggers
        reachedMaxUncountedPods = true;
        break;
      }
    }
    if (indexed) {
      ctx.succeededIndexes = ctx.succeededIndexes.with(newSucceededIndexes);
      String completed = ctx.succeededIndexes.toString();
      needsFlush |= !completed.equals(nzs(status.getCompletedIndexes()));
      status.setSucceeded(ctx.succeededIndexes.total());
      status.setCompletedIndexes(completed);
      String failedIndexes = ctx.failedIndexes == null ? null : ctx.failedIndexes.toString();
      if (!Objects.equals(failedIndexes, status.getFailedIndexes())) {
        status.setFailedIndexes(failedIndexes);
        needsFlush = true;
      }
    }
    if (ctx.finishedCondition != null && JobConditions.FAILURE_TARGET.equals(ctx.finishedCondition.getType())) {
      // the interim condition is written before the finalizers go, the terminal one after
      JobConditions.append(job, ctx.finishedCondition);
      needsFlush = true;
      ctx.finishedCondition = JobConditions.of(JobConditions.FAILED, "True", ctx.finishedCondition.getReason(),
          ctx.finishedCondition.getMessage(), clock.instant());
    }
    if (isSuccessCriteriaMet(ctx.finishedCondition)) {
      if (!JobConditions.isTrue(job, JobConditions.SUCCESS_CRITERIA_MET)) {
        JobConditions.append(job, ctx.finishedCondition);
        needsFlush = true;
      }
      ctx.finishedCondition = JobConditions.of(JobConditions.COMPLETE, "True", ctx.finishedCondition.getReason(),
          ctx.finishedCondition.getMessage(), clock.instant());
    }
    needsFlush = flushUncountedAndRemoveFinalizers(ctx, podsToRemoveFinalizer, uidsWithFinalizer, needsFlush);
    boolean jobFinished = !reachedMaxUncountedPods && enactJobFinished(ctx);
    if (jobFinished || needsFlush) {
      updateStatus(job);
      if (jobFinished) {
        recordJobFinished(job, ctx.finishedCondition);
      }
    }
  }

  /**
   * {@code canRemoveFinalizer}: once the Job is finished or deleted, from every pod; otherwise from
   * succeeded and failed pods, except (with backoffLimitPerIndex) the failed pod whose replacement
   * still needs its failure count.
   */
  private static boolean canRemoveFinalizer(SyncJobContext ctx, Pod pod, boolean considerFailed) {
    if (ctx.job.getMetadata().getDeletionTimestamp() != null || ctx.finishedCondition != null
        || JobPods.succeeded(pod)) {
      return true;
    }
    if (!considerFailed) {
      return false;
    }
    if (IndexedJobs.hasBackoffLimitPerIndex(ctx.job)) {
      Pod delayed = ctx.podsWithDelayedDeletionPerIndex.get(JobPods.completionIndex(pod));
      return delayed == null || !delayed.getMetadata().getUid().equals(pod.getMetadata().getUid());
    }
    return true;
  }

  /**
   * {@code flushUncountedAndRemoveFinalizers}: (1) write the status with the new UIDs, (2) remove the
   * finalizers, (3) count the pods whose finalizer went. Returns whether the status still has
   * changes to write. A failed removal is retried by the next sync; its UID stays uncounted.
   */
  private boolean flushUncountedAndRemoveFinalizers(SyncJobContext ctx, List<Pod> podsToRemoveFinalizer,
      Set<String> uidsWithFinalizer, boolean needsFlush) {
    if (needsFlush) {
      updateStatus(ctx.job);
      state.backoffStore().update(ctx.newBackoffRecord);
      needsFlush = false;
    }
    RuntimeException rmError = null;
    if (!podsToRemoveFinalizer.isEmpty()) {
      state.finalizerExpectations().expectRemoved(ctx.key,
          podsToRemoveFinalizer.stream().map(p -> p.getMetadata().getUid()).toList());
      for (Pod p : podsToRemoveFinalizer) {
        String uid = p.getMetadata().getUid();
        try {
          if (!podControl.removeTrackingFinalizer(p)) {
            state.finalizerExpectations().removalObserved(ctx.key, uid); // gone: no update will come
          }
          uidsWithFinalizer.remove(uid);
        } catch (KubernetesClientException e) {
          state.finalizerExpectations().removalObserved(ctx.key, uid);
          rmError = e;
        }
      }
    }
    needsFlush |= cleanUncountedPodsWithoutFinalizers(ctx.job.getStatus(), uidsWithFinalizer);
    if (rmError != null) {
      if (needsFlush) {
        updateStatus(ctx.job); // keep the partial progress
      }
      throw rmError;
    }
    return needsFlush;
  }

  /**
   * {@code cleanUncountedPodsWithoutFinalizers}: a UID in the uncounted lists whose pod no longer
   * has the finalizer (or no longer exists) moves into the counters.
   */
  static boolean cleanUncountedPodsWithoutFinalizers(JobStatus status, Set<String> uidsWithFinalizer) {
    UncountedTerminatedPods u = status.getUncountedTerminatedPods();
    boolean updated = false;
    List<String> succeeded = nz(u.getSucceeded()).stream().filter(uidsWithFinalizer::contains).toList();
    if (succeeded.size() != nz(u.getSucceeded()).size()) {
      status.setSucceeded(nz(status.getSucceeded()) + nz(u.getSucceeded()).size() - succeeded.size());
      u.setSucceeded(new ArrayList<>(succeeded));
      updated = true;
    }
    List<String> failed = nz(u.getFailed()).stream().filter(uidsWithFinalizer::contains).toList();
    if (failed.size() != nz(u.getFailed()).size()) {
      status.setFailed(nz(status.getFailed()) + nz(u.getFailed()).size() - failed.size());
      u.setFailed(new ArrayList<>(failed));
      updated = true;
    }
    return updated;
  }

  /**
   * {@code enactJobFinished}: the terminal condition, once no pod is left uncounted or terminating;
   * {@code completionTime} for Complete.
   */
  private boolean enactJobFinished(SyncJobContext ctx) {
    JobCondition finished = ctx.finishedCondition;
    if (finished == null) {
      return false;
    }
    UncountedTerminatedPods u = ctx.job.getStatus().getUncountedTerminatedPods();
    if (!nz(u.getSucceeded()).isEmpty() || !nz(u.getFailed()).isEmpty() || ctx.terminating > 0) {
      return false;
    }
    JobConditions.ensure(ctx.job, finished.getType(), finished.getStatus(), finished.getReason(),
        finished.getMessage(), clock.instant());
    if (JobConditions.COMPLETE.equals(finished.getType())) {
      ctx.job.getStatus().setCompletionTime(JobConditions.find(ctx.job, JobConditions.COMPLETE).orElseThrow()
          .getLastTransitionTime());
    }
    return true;
  }

  private void recordJobFinished(Job job, JobCondition finished) {
    EventRecorder recorder = podControl.recorder();
    if (JobConditions.COMPLETE.equals(finished.getType())) {
      Integer completions = job.getSpec().getCompletions();
      if (completions != null && nz(job.getStatus().getSucceeded()) > completions) {
        recorder.event(PodControl.ref(job), EventRecorder.TYPE_WARNING, "TooManySucceededPods",
            "Too many succeeded pods running after completion count reached");
      }
      recorder.event(PodControl.ref(job), EventRecorder.TYPE_NORMAL, "Completed", "Job completed");
    } else {
      recorder.event(PodControl.ref(job), EventRecorder.TYPE_WARNING, finished.getReason(), finished.getMessage());
    }
  }

  /**
   * PUT {@code /status} with the Job's resourceVersion: a sync that worked from a stale cache fails
   * with a conflict and is retried, instead of overwriting newer counts.
   */
  private void updateStatus(Job job) {
    Job updated = client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).resource(job).updateStatus();
    job.getMetadata().setResourceVersion(updated.getMetadata().getResourceVersion());
  }

  private static boolean isSuccessCriteriaMet(JobCondition c) {
    return c != null && JobConditions.SUCCESS_CRITERIA_MET.equals(c.getType()) && "True".equals(c.getStatus());
  }

  private static int nz(Integer i) {
    return i == null ? 0 : i;
  }

  private static List<String> nz(List<String> l) {
    return l == null ? List.of() : l;
  }

  private static String nzs(String s) {
    return s == null ? "" : s;
  }
}
