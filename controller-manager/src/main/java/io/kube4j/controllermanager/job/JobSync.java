package io.kube4j.controllermanager.job;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.UncountedTerminatedPods;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllermanager.record.EventRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code syncJob} and {@code manageJob}: from a Job and its pods, decide whether it has finished
 * (succeeded, exceeded its backoff limit or deadline, matched a FailJob rule), otherwise create or
 * delete pods towards the wanted number of active ones, then hand over to the {@link StatusTracker}.
 */
final class JobSync {

  private final Clock clock;
  private final SyncState state;
  private final PodControl podControl;
  private final StatusTracker tracker;
  private final ManageJob manageJob;

  JobSync(Clock clock, PodFailureBackoff backoff, SyncState state, PodControl podControl, StatusTracker tracker) {
    this.clock = clock;
    this.state = state;
    this.podControl = podControl;
    this.tracker = tracker;
    this.manageJob = new ManageJob(clock, backoff, state, podControl);
  }

  /**
   * Syncs one Job. {@code satisfied} says whether the pods this controller created or deleted have
   * all shown up in {@code pods} (checked before listing them, so none can sneak in between).
   */
  void syncJob(Job cached, String key, boolean satisfied, List<Pod> pods) {
    if (JobConditions.finished(cached)) {
      state.backoffStore().remove(key);
      return;
    }
    String mode = cached.getSpec().getCompletionMode();
    if (mode != null && !mode.equals("NonIndexed") && !mode.equals("Indexed")) {
      podControl.recorder().event(PodControl.ref(cached), EventRecorder.TYPE_WARNING, "UnknownCompletionMode",
          "Skipped Job sync because completion mode is unknown");
      return;
    }
    Job job = new JobBuilder(cached).build(); // never edit the informer's copy
    if (job.getStatus() == null) {
      job.setStatus(new JobStatus());
    }
    JobStatus status = job.getStatus();
    if (status.getUncountedTerminatedPods() == null) {
      status.setUncountedTerminatedPods(new UncountedTerminatedPods());
    }
    UncountedTerminatedPods uncounted = status.getUncountedTerminatedPods();
    SyncJobContext ctx = new SyncJobContext(job, key, pods, pods.stream().filter(JobPods::active).toList(),
        new HashSet<>(nz(uncounted.getSucceeded())), new HashSet<>(nz(uncounted.getFailed())),
        state.finalizerExpectations().expected(key));
    ctx.ready = (int) ctx.activePods.stream().filter(JobPods::ready).count();
    ctx.terminating = (int) pods.stream().filter(JobPods::terminating).count();
    int active = ctx.activePods.size();
    List<Pod> newSucceeded = tracker.newFinishedPods(ctx, ctx.uncountedSucceeded, JobPods::succeeded);
    List<Pod> newFailed = tracker.newFinishedPods(ctx, ctx.uncountedFailed, p -> JobPods.failed(p, job));
    ctx.succeeded = nz(status.getSucceeded()) + newSucceeded.size() + ctx.uncountedSucceeded.size();
    ctx.failed = nz(status.getFailed()) + nonIgnoredFailedCount(job, newFailed) + ctx.uncountedFailed.size();

    if (status.getStartTime() == null && !suspended(job)) {
      status.setStartTime(now());
    }
    ctx.newBackoffRecord = state.backoffStore().next(key, newSucceeded, newFailed);

    ctx.finishedCondition = JobConditions.find(job, JobConditions.SUCCESS_CRITERIA_MET)
        .filter(c -> "True".equals(c.getStatus())).orElse(null);
    if (ctx.finishedCondition == null) {
      Optional<JobCondition> target = JobConditions.find(job, JobConditions.FAILURE_TARGET)
          .filter(c -> "True".equals(c.getStatus()));
      if (target.isPresent()) {
        ctx.finishedCondition = failedFrom(target.get());
      } else {
        failJobMessage(job, pods).ifPresent(msg -> ctx.finishedCondition = JobConditions.of(
            JobConditions.FAILURE_TARGET, "True", JobConditions.REASON_POD_FAILURE_POLICY, msg, clock.instant()));
      }
    }
    if (ctx.finishedCondition == null) {
      if (ctx.failed > job.getSpec().getBackoffLimit() || pastBackoffLimitOnFailure(job, pods)) {
        ctx.finishedCondition = failureTarget(JobConditions.REASON_BACKOFF_LIMIT_EXCEEDED,
            "Job has reached the specified backoff limit");
      } else if (pastActiveDeadline(job)) {
        ctx.finishedCondition = failureTarget(JobConditions.REASON_DEADLINE_EXCEEDED,
            "Job was active longer than specified deadline");
      } else if (job.getSpec().getActiveDeadlineSeconds() != null && !suspended(job)) {
        // look again when the deadline passes
        state.queue().addAfter(key, Duration.ofSeconds(job.getSpec().getActiveDeadlineSeconds())
            .minus(Duration.between(Instant.parse(status.getStartTime()), clock.instant())));
      }
    }

    if (IndexedJobs.isIndexed(job)) {
      OrderedIntervals[] indexes = IndexedJobs.succeededIndexes(job, pods);
      ctx.prevSucceededIndexes = indexes[0];
      ctx.succeededIndexes = indexes[1];
      ctx.succeeded = ctx.succeededIndexes.total();
      if (IndexedJobs.hasBackoffLimitPerIndex(job)) {
        ctx.failedIndexes = IndexedJobs.failedIndexes(job, pods);
        if (ctx.finishedCondition == null) {
          Integer maxFailed = job.getSpec().getMaxFailedIndexes();
          if (maxFailed != null && ctx.failedIndexes.total() > maxFailed) {
            ctx.finishedCondition = failureTarget(JobConditions.REASON_MAX_FAILED_INDEXES_EXCEEDED,
                "Job has exceeded the specified maximal number of failed indexes");
          } else if (ctx.failedIndexes.total() > 0
              && ctx.failedIndexes.total() + ctx.succeededIndexes.total() >= IndexedJobs.completions(job)) {
            ctx.finishedCondition = failureTarget(JobConditions.REASON_FAILED_INDEXES, "Job has failed indexes");
          }
        }
        List<Pod> tracked = tracker.newFinishedPods(ctx, java.util.Set.of(), p -> true);
        ctx.podsWithDelayedDeletionPerIndex = IndexedJobs.podsWithDelayedDeletion(job, tracked, ctx.activePods,
            ctx.succeededIndexes, ctx.failedIndexes);
      }
      if (ctx.finishedCondition == null) {
        SuccessPolicies.match(job.getSpec().getSuccessPolicy(), IndexedJobs.completions(job), ctx.succeededIndexes)
            .ifPresent(msg -> ctx.finishedCondition = JobConditions.of(JobConditions.SUCCESS_CRITERIA_MET, "True",
                SuccessPolicies.REASON_SUCCESS_POLICY, msg, clock.instant()));
      }
    }

    RuntimeException manageJobError = null;
    boolean suspendConditionChanged = false;
    if (ctx.finishedCondition != null) {
      // the outcome is known: stop every pod still running (their finalizers stay until counted)
      int deleted = 0;
      for (Pod p : ctx.activePods) {
        try {
          podControl.delete(job, p);
          deleted++;
          ctx.ready -= JobPods.ready(p) ? 1 : 0;
        } catch (KubernetesClientException e) {
          manageJobError = e;
        }
      }
      if (deleted != active || !satisfied) {
        ctx.finishedCondition = null; // not finished until every pod is gone and counted
      }
      active -= deleted;
      ctx.terminating += deleted;
    } else {
      boolean manageJobCalled = false;
      if (satisfied && job.getMetadata().getDeletionTimestamp() == null) {
        try {
          active = manageJob.manage(ctx);
        } catch (ManageJob.ManageJobException e) {
          active = e.active;
          manageJobError = e.cause;
        }
        manageJobCalled = true;
      }
      Integer completions = job.getSpec().getCompletions();
      // without completions (work queue): done once one pod has succeeded and the rest have stopped
      boolean complete = completions == null ? ctx.succeeded > 0 && active == 0
          : ctx.succeeded >= completions && active == 0;
      if (complete) {
        ctx.finishedCondition = JobConditions.of(JobConditions.SUCCESS_CRITERIA_MET, "True",
            JobConditions.REASON_COMPLETIONS_REACHED, "Reached expected number of succeeded pods", clock.instant());
      } else if (manageJobCalled) {
        suspendConditionChanged = updateSuspendedCondition(job);
      }
    }

    boolean needsStatusUpdate = suspendConditionChanged || active != nz(status.getActive())
        || !Objects.equals(ctx.ready, status.getReady()) || !Objects.equals(ctx.terminating, status.getTerminating());
    status.setActive(active);
    status.setReady(ctx.ready);
    status.setTerminating(ctx.terminating);
    tracker.trackJobStatusAndRemoveFinalizers(ctx, needsStatusUpdate);
    if (manageJobError != null) {
      throw manageJobError;
    }
  }

  /**
   * The {@code Suspended} condition follows {@code spec.suspend}, with an event; resuming restarts
   * {@code startTime}, so that {@code activeDeadlineSeconds} counts only time spent running.
   */
  private boolean updateSuspendedCondition(Job job) {
    if (suspended(job)) {
      boolean changed = JobConditions.ensure(job, JobConditions.SUSPENDED, "True", "JobSuspended", "Job suspended",
          clock.instant());
      if (changed) {
        podControl.recorder().event(PodControl.ref(job), EventRecorder.TYPE_NORMAL, "Suspended", "Job suspended");
      }
      return changed;
    }
    boolean changed = JobConditions.ensure(job, JobConditions.SUSPENDED, "False", "JobResumed", "Job resumed",
        clock.instant());
    if (changed) {
      podControl.recorder().event(PodControl.ref(job), EventRecorder.TYPE_NORMAL, "Resumed", "Job resumed");
      job.getStatus().setStartTime(now());
    }
    return changed;
  }

  /** {@code getFailJobMessage}: the message of the first FailJob rule a failed pod matches. */
  private static Optional<String> failJobMessage(Job job, List<Pod> pods) {
    if (job.getSpec().getPodFailurePolicy() == null) {
      return Optional.empty();
    }
    for (Pod p : pods) {
      if (JobPods.failed(p, job)) {
        Optional<String> msg = PodFailurePolicies.match(job.getSpec().getPodFailurePolicy(), p).failJobMessage();
        if (msg.isPresent()) {
          return msg;
        }
      }
    }
    return Optional.empty();
  }

  private static int nonIgnoredFailedCount(Job job, List<Pod> failed) {
    if (job.getSpec().getPodFailurePolicy() == null) {
      return failed.size();
    }
    return (int) failed.stream()
        .filter(p -> PodFailurePolicies.match(job.getSpec().getPodFailurePolicy(), p).countFailed()).count();
  }

  /**
   * {@code pastBackoffLimitOnFailure}: with {@code restartPolicy: OnFailure} the kubelet restarts
   * containers in place and no pod fails, so restarts of running pods count against the limit.
   */
  private static boolean pastBackoffLimitOnFailure(Job job, List<Pod> pods) {
    if (!"OnFailure".equals(job.getSpec().getTemplate().getSpec().getRestartPolicy())) {
      return false;
    }
    int restarts = 0;
    for (Pod p : pods) {
      String phase = JobPods.phase(p);
      if (phase.equals("Running") || phase.equals("Pending")) {
        for (var list : java.util.Arrays.asList(p.getStatus() == null ? null : p.getStatus().getInitContainerStatuses(),
            p.getStatus() == null ? null : p.getStatus().getContainerStatuses())) {
          if (list != null) {
            restarts += list.stream().mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).sum();
          }
        }
      }
    }
    int limit = job.getSpec().getBackoffLimit();
    return limit == 0 ? restarts > 0 : restarts >= limit;
  }

  /** {@code pastActiveDeadline}: running (not suspended) for at least {@code activeDeadlineSeconds}. */
  private boolean pastActiveDeadline(Job job) {
    Long ads = job.getSpec().getActiveDeadlineSeconds();
    String start = job.getStatus().getStartTime();
    if (ads == null || start == null || suspended(job)) {
      return false;
    }
    return Duration.between(Instant.parse(start), clock.instant()).compareTo(Duration.ofSeconds(ads)) >= 0;
  }

  /** {@code newFailureCondition}: since 1.31 the interim FailureTarget, the terminal Failed follows. */
  private JobCondition failureTarget(String reason, String message) {
    return JobConditions.of(JobConditions.FAILURE_TARGET, "True", reason, message, clock.instant());
  }

  private JobCondition failedFrom(JobCondition target) {
    return JobConditions.of(JobConditions.FAILED, "True", target.getReason(), target.getMessage(), clock.instant());
  }

  static boolean suspended(Job job) {
    return Boolean.TRUE.equals(job.getSpec().getSuspend());
  }

  private String now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static int nz(Integer i) {
    return i == null ? 0 : i;
  }

  private static List<String> nz(List<String> l) {
    return l == null ? List.of() : l;
  }
}
