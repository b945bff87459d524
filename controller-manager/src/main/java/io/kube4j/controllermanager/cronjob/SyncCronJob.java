package io.kube4j.controllermanager.cronjob;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllermanager.cronjob.cron.CronSyntaxException;
import io.kube4j.controllermanager.cronjob.cron.Schedule;
import io.kube4j.controllermanager.record.EventRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code syncCronJob}: brings {@code status.active} up to date with the CronJob's Jobs, then, unless
 * suspended, starts the Job of the most recent unmet scheduled time, if it is not too late
 * ({@code startingDeadlineSeconds}) and the concurrency policy allows: {@code Allow} runs it beside
 * those still active, {@code Forbid} skips this time while one is active, {@code Replace} deletes
 * the active ones first. Only the most recent missed time is ever started, never a backlog.
 */
final class SyncCronJob {

  /**
   * @param cronJob the CronJob with the status to write (possibly a fresher copy read meanwhile)
   * @param requeueAfter when to look again (the next scheduled time); empty: only on a change
   * @param updateStatus whether the status changed
   * @param error a failure to retry with backoff, after writing the status
   */
  record Result(CronJob cronJob, Optional<Duration> requeueAfter, boolean updateStatus, RuntimeException error) {}

  private final KubernetesClient client;
  private final Clock clock;
  private final EventRecorder recorder;

  SyncCronJob(KubernetesClient client, Clock clock, EventRecorder recorder) {
    this.client = client;
    this.clock = clock;
    this.recorder = recorder;
  }

  Result sync(CronJob cronJob, List<Job> jobs) {
    Instant now = clock.instant();
    boolean updateStatus = false;
    Set<String> children = new HashSet<>();
    for (Job j : jobs) {
      String uid = j.getMetadata().getUid();
      children.add(uid);
      boolean found = CronJobs.inActiveList(cronJob, uid);
      Optional<String> finished = CronJobs.finishedStatus(j);
      if (!found && finished.isEmpty()) {
        CronJob fresh = client.batch().v1().cronjobs().inNamespace(cronJob.getMetadata().getNamespace())
            .withName(cronJob.getMetadata().getName()).get();
        if (fresh != null && CronJobs.inActiveList(fresh, uid)) {
          cronJob = fresh; // our cache was behind our own status write
          if (cronJob.getStatus() == null) {
            cronJob.setStatus(new CronJobStatus());
          }
          continue;
        }
        recorder.event(CronJobController.ref(cronJob), EventRecorder.TYPE_WARNING, "UnexpectedJob",
            "Saw a job that the controller did not create or forgot: " + j.getMetadata().getName());
      } else if (found && finished.isPresent()) {
        CronJobs.deleteFromActiveList(cronJob, uid);
        recorder.event(CronJobController.ref(cronJob), EventRecorder.TYPE_NORMAL, "SawCompletedJob",
            "Saw completed job: " + j.getMetadata().getName() + ", status: " + finished.get());
        updateStatus = true;
      } else if (finished.filter("Complete"::equals).isPresent() && j.getStatus().getCompletionTime() != null) {
        // finished Jobs need not be in the active list for their completion to count
        String last = cronJob.getStatus().getLastSuccessfulTime();
        String completed = j.getStatus().getCompletionTime();
        if (last == null || Instant.parse(completed).isAfter(Instant.parse(last))) {
          cronJob.getStatus().setLastSuccessfulTime(completed);
          updateStatus = true;
        }
      }
    }
    // an active Job that no longer exists (the informer may just be slow: ask the apiserver)
    for (ObjectReference ref : List.copyOf(CronJobs.active(cronJob))) {
      if (children.contains(ref.getUid())) {
        continue;
      }
      try {
        Job job = client.batch().v1().jobs().inNamespace(ref.getNamespace()).withName(ref.getName()).get();
        if (job == null) {
          recorder.event(CronJobController.ref(cronJob), EventRecorder.TYPE_NORMAL, "MissingJob",
              "Active job went missing: " + ref.getName());
          CronJobs.deleteFromActiveList(cronJob, ref.getUid());
          updateStatus = true;
        }
      } catch (KubernetesClientException e) {
        return new Result(cronJob, Optional.empty(), updateStatus, e);
      }
    }
    if (cronJob.getMetadata().getDeletionTimestamp() != null) {
      return new Result(cronJob, Optional.empty(), updateStatus, null);
    }
    String tz = cronJob.getSpec().getTimeZone();
    if (tz != null && !CronJobController.validZone(tz)) {
      recorder.event(CronJobController.ref(cronJob), EventRecorder.TYPE_WARNING, "UnknownTimeZone",
          "invalid timeZone: \"" + tz + "\": unknown time zone " + tz);
      return new Result(cronJob, Optional.empty(), updateStatus, null);
    }
    if (Boolean.TRUE.equals(cronJob.getSpec().getSuspend())) {
      return new Result(cronJob, Optional.empty(), updateStatus, null);
    }
    if (cronJob.getSpec().getSchedule() != null && cronJob.getSpec().getSchedule().contains("TZ")) {
      recorder.event(CronJobController.ref(cronJob), EventRecorder.TYPE_WARNING, "UnsupportedSchedule",
          "CRON_TZ or TZ used in schedule \"" + cronJob.getSpec().getSchedule() + "\" is not officially supported, "
              + "see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details");
    }
    Schedule schedule;
    try {
      schedule = CronJobController.parse(cronJob);
    } catch (CronSyntaxException e) {
      recorder.event(CronJobController.ref(cronJob), EventRecorder.TYPE_WARNING, "UnparseableSchedule",
          "unparseable schedule: \"" + cronJob.getSpec().getSchedule() + "\" : " + e.getMessage());
      return new Result(cronJob, Optional.empty(), updateStatus, null);
    }
    ZoneId zone = clock.getZone();
    Optional<Instant> scheduled;
    try {
      scheduled = nextScheduleTime(cronJob, now, schedule, zone);
    } catch (CronJobs.InvalidScheduleException e) {
      recorder.event(CronJobController.ref(cronJob), EventRecorder.TYPE_WARNING, "InvalidSchedule",
          "invalid schedule: " + cronJob.getSpec().getSchedule() + " : " + e.getMessage());
      return new Result(cronJob, Optional.empty(), updateStatus, null);
    }
    Optional<Duration> next = Optional.of(CronJobs.nextScheduleTimeDuration(cronJob, now, schedule, zone));
    if (scheduled.isEmpty()) {
      return new Result(cronJob, next, updateStatus, null); // nothing due yet
    }
    Instant scheduledTime = scheduled.get();
    Long deadline = cronJob.getSpec().getStartingDeadlineSeconds();
    if (deadline != null && scheduledTime.plusSeconds(deadline).isBefore(now)) {
      recorder.event(CronJobController.ref(cronJob), EventRecorder.TYPE_WARNING, "MissSchedule",
          "Missed scheduled time to start a job: " + CronJobs.RFC1123Z.format(scheduledTime.atZone(ZoneOffset.UTC)));
      return new Result(cronJob, next, updateStatus, null);
    }
    String lastSchedule = cronJob.getStatus().getLastScheduleTime();
    if (CronJobs.inActiveListByName(cronJob, CronJobs.jobName(cronJob, scheduledTime))
        || (lastSchedule != null && Instant.parse(lastSchedule).equals(scheduledTime))) {
      return new Result(cronJob, next, updateStatus, null); // this time was already run
    }
    String policy = cronJob.getSpec().getConcurrencyPolicy();
    if ("Forbid".equals(policy) && !CronJobs.active(cronJob).isEmpty()) {
      // the active list may be behind, so two could still overlap if run times are very close
      recorder.event(CronJobController.ref(cronJob), EventRecorder.TYPE_NORMAL, "JobAlreadyActive",
          "Not starting job because prior execution is running and concurrency policy is Forbid");
      return new Result(cronJob, next, updateStatus, null);
    }
    if ("Replace".equals(policy)) {
      for (ObjectReference ref : List.copyOf(CronJobs.active(cronJob))) {
        Job job;
        try {
          job = client.batch().v1().jobs().inNamespace(ref.getNamespace()).withName(ref.getName()).get();
        } catch (KubernetesClientException e) {
          recorder.event(CronJobController.ref(cronJob), EventRecorder.TYPE_WARNING, "FailedGet", "Get job: " + e.getMessage());
          return new Result(cronJob, Optional.empty(), updateStatus, e);
        }
        if (job == null) {
          continue;
        }
        if (!deleteJob(cronJob, job)) {
          return new Result(cronJob, Optional.empty(), updateStatus,
              new IllegalStateException("could not replace job " + ref.getNamespace() + "/" + ref.getName()));
        }
        updateStatus = true;
      }
    }
    return startJob(cronJob, scheduledTime, next, updateStatus);
  }

  /**
   * Creates the Job of {@code scheduledTime}. Its name is the lock against running a time twice: if
   * it exists already and is ours, a previous sync created it but did not record it.
   */
  private Result startJob(CronJob cronJob, Instant scheduledTime, Optional<Duration> next, boolean updateStatus) {
    String tz = cronJob.getSpec().getTimeZone();
    Job request = CronJobs.jobFromTemplate(cronJob, scheduledTime, tz == null ? ZoneOffset.UTC : ZoneId.of(tz));
    String ns = cronJob.getMetadata().getNamespace();
    Job created;
    try {
      created = client.batch().v1().jobs().inNamespace(ns).resource(request).create();
      recorder.event(CronJobController.ref(cronJob), EventRecorder.TYPE_NORMAL, "SuccessfulCreate",
          "Created job " + created.getMetadata().getName());
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        recorder.event(CronJobController.ref(cronJob), EventRecorder.TYPE_WARNING, "FailedCreate",
            "Error creating job: " + e.getMessage());
        return new Result(cronJob, Optional.empty(), updateStatus, e);
      }
      created = client.batch().v1().jobs().inNamespace(ns).withName(request.getMetadata().getName()).get();
      if (created == null) {
        return new Result(cronJob, Optional.empty(), updateStatus, e);
      }
      boolean ours = CronJobController.controllerOf(created).map(OwnerReference::getUid)
          .filter(cronJob.getMetadata().getUid()::equals).isPresent();
      if (!ours || CronJobs.inActiveList(cronJob, created.getMetadata().getUid())) {
        return new Result(cronJob, Optional.empty(), updateStatus, null);
      }
    }
    List<ObjectReference> active = new ArrayList<>(CronJobs.active(cronJob));
    active.add(new ObjectReferenceBuilder().withApiVersion("batch/v1").withKind("Job").withNamespace(ns)
        .withName(created.getMetadata().getName()).withUid(created.getMetadata().getUid())
        .withResourceVersion(created.getMetadata().getResourceVersion()).build());
    cronJob.getStatus().setActive(active);
    cronJob.getStatus().setLastScheduleTime(scheduledTime.truncatedTo(ChronoUnit.SECONDS).toString());
    return new Result(cronJob, next, true, null);
  }

  /**
   * {@code nextScheduleTime}: the most recent unmet scheduled time, if any; with a warning event when
   * more than 100 were missed.
   */
  private Optional<Instant> nextScheduleTime(CronJob cj, Instant now, Schedule schedule, ZoneId zone)
      throws CronJobs.InvalidScheduleException {
    CronJobs.MostRecent m = CronJobs.mostRecentScheduleTime(cj, now, schedule, zone, true);
    if (m.mostRecent().isEmpty() || m.mostRecent().get().isAfter(now)) {
      return Optional.empty();
    }
    if (m.missed() == CronJobs.Missed.MANY) {
      recorder.event(CronJobController.ref(cj), EventRecorder.TYPE_WARNING, "TooManyMissedTimes",
          "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew");
    }
    return m.mostRecent();
  }

  /** {@code deleteJob}: deletes the Job (its pods in the background) and its active-list entry. */
  boolean deleteJob(CronJob cj, Job job) {
    try {
      CronJobController.deleteInBackground(client, job);
    } catch (KubernetesClientException e) {
      recorder.event(CronJobController.ref(cj), EventRecorder.TYPE_WARNING, "FailedDelete", "Deleted job: " + e.getMessage());
      return false;
    }
    CronJobs.deleteFromActiveList(cj, job.getMetadata().getUid());
    recorder.event(CronJobController.ref(cj), EventRecorder.TYPE_NORMAL, "SuccessfulDelete",
        "Deleted job " + job.getMetadata().getName());
    return true;
  }
}
