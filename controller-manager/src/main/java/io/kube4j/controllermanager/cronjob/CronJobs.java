package io.kube4j.controllermanager.cronjob;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import io.kube4j.controllermanager.cronjob.cron.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Schedule arithmetic and Job helpers of the CronJob controller ({@code utils.go}). */
final class CronJobs {

  /** Annotation on each Job: the time it was scheduled for, RFC 3339 in the CronJob's time zone. */
  static final String SCHEDULED_TIMESTAMP_ANNOTATION = "batch.kubernetes.io/cronjob-scheduled-timestamp";
  /** {@code nextScheduleDelta}: wake up a little after the scheduled time, never just before it. */
  static final Duration NEXT_SCHEDULE_DELTA = Duration.ofMillis(100);
  /** More missed times than this means a wrong clock or a long outage: say so (TooManyMissedTimes). */
  static final int MANY_MISSED = 100;

  /** Go's {@code time.RFC3339}: seconds always written, {@code Z} for UTC. */
  static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
  /** Go's {@code time.RFC1123Z}, as the MissSchedule event writes the missed time. */
  static final DateTimeFormatter RFC1123Z = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

  enum Missed { NONE, FEW, MANY }

  /**
   * @param earliest the last schedule time, or the creation time (or the starting deadline, if later)
   * @param mostRecent the latest scheduled time after {@code earliest} and not after now, if any
   * @param missed how many scheduled times passed since {@code earliest}, roughly
   */
  record MostRecent(Instant earliest, Optional<Instant> mostRecent, Missed missed) {}

  /** The schedule's {@code Next} cannot produce two distinct times (e.g. {@code 0 0 31 2 *}). */
  static final class InvalidScheduleException extends Exception {
    InvalidScheduleException(String message) {
      super(message);
    }
  }

  private CronJobs() {}

  /**
   * {@code mostRecentScheduleTime}. Rather than listing every missed time (there may be years of
   * them after a clock jump), it estimates their number from the interval between the next two and
   * walks only the last stretch. Worked example: every 5 minutes, last run 10:00, now 10:17: t1
   * 10:05, t2 10:10, interval 300 s, elapsed since t1 720 s, missed 720 / 300 + 1 = 3 (10:05, 10:10,
   * 10:15); walking from 10:05 + (3 - 2) x 300 s = 10:10 finds 10:15, the most recent.
   */
  static MostRecent mostRecentScheduleTime(CronJob cj, Instant now, Schedule schedule, ZoneId zone,
      boolean includeStartingDeadline) throws InvalidScheduleException {
    Instant earliest = Instant.parse(cj.getMetadata().getCreationTimestamp());
    if (cj.getStatus() != null && cj.getStatus().getLastScheduleTime() != null) {
      earliest = Instant.parse(cj.getStatus().getLastScheduleTime());
    }
    Long deadline = cj.getSpec().getStartingDeadlineSeconds();
    if (includeStartingDeadline && deadline != null) {
      Instant schedulingDeadline = now.minusSeconds(deadline); // nothing before this will be started
      if (schedulingDeadline.isAfter(earliest)) {
        earliest = schedulingDeadline;
      }
    }
    Optional<Instant> t1 = next(schedule, earliest, zone);
    Optional<Instant> t2 = t1.flatMap(t -> next(schedule, t, zone));
    if (t1.isPresent() && now.isBefore(t1.get())) {
      return new MostRecent(earliest, Optional.empty(), Missed.NONE);
    }
    if (t2.isPresent() && now.isBefore(t2.get())) {
      return new MostRecent(earliest, t1, Missed.NONE);
    }
    long between = t1.isEmpty() || t2.isEmpty() ? 0
        : Math.round(Duration.between(t1.get(), t2.get()).toMillis() / 1000.0);
    if (between < 1) {
      throw new InvalidScheduleException("time difference between two schedules is less than 1 second");
    }
    long elapsed = Duration.between(t1.get(), now).getSeconds();
    long missedCount = elapsed / between + 1;
    Instant potentialEarliest = t1.get().plusSeconds((missedCount - 1 - 1) * between);
    Instant mostRecent = null;
    for (Optional<Instant> t = next(schedule, potentialEarliest, zone); t.isPresent() && !t.get().isAfter(now);
        t = next(schedule, t.get(), zone)) {
      mostRecent = t.get();
    }
    Missed missed = missedCount > MANY_MISSED ? Missed.MANY : missedCount > 0 ? Missed.FEW : Missed.NONE;
    return new MostRecent(earliest, Optional.ofNullable(mostRecent), missed);
  }

  /**
   * {@code nextScheduleTimeDuration}: how long until the next scheduled time after the most recent
   * one (plus {@link #NEXT_SCHEDULE_DELTA}), which is when the CronJob should be looked at again.
   */
  static Duration nextScheduleTimeDuration(CronJob cj, Instant now, Schedule schedule, ZoneId zone) {
    Instant from;
    try {
      MostRecent m = mostRecentScheduleTime(cj, now, schedule, zone, false);
      from = m.mostRecent().orElse(m.missed() == Missed.NONE ? m.earliest() : now);
    } catch (InvalidScheduleException e) {
      from = now; // still look again at some point: at the next slot from now
    }
    Instant next = next(schedule, from, zone).orElse(now.plus(Duration.ofDays(365)));
    return Duration.between(now, next.plus(NEXT_SCHEDULE_DELTA));
  }

  static Optional<Instant> next(Schedule schedule, Instant after, ZoneId zone) {
    return schedule.next(after.atZone(zone)).map(t -> t.toInstant());
  }

  /** {@code getJobName}: the scheduled time in minutes since the epoch makes the name unique per run. */
  static String jobName(CronJob cj, Instant scheduledTime) {
    return cj.getMetadata().getName() + "-" + scheduledTime.getEpochSecond() / 60;
  }

  /**
   * {@code getJobFromTemplate2}: the template's labels, annotations and spec, the CronJob as
   * controller, the scheduled time as annotation.
   */
  static Job jobFromTemplate(CronJob cj, Instant scheduledTime, ZoneId annotationZone) {
    var template = cj.getSpec().getJobTemplate();
    Map<String, String> labels = template.getMetadata() == null || template.getMetadata().getLabels() == null
        ? new LinkedHashMap<>() : new LinkedHashMap<>(template.getMetadata().getLabels());
    Map<String, String> annotations = template.getMetadata() == null || template.getMetadata().getAnnotations() == null
        ? new LinkedHashMap<>() : new LinkedHashMap<>(template.getMetadata().getAnnotations());
    annotations.put(SCHEDULED_TIMESTAMP_ANNOTATION, RFC3339.format(scheduledTime.atZone(annotationZone)));
    return new JobBuilder().withNewMetadata().withName(jobName(cj, scheduledTime))
        .withNamespace(cj.getMetadata().getNamespace()).withLabels(labels).withAnnotations(annotations)
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("CronJob")
            .withName(cj.getMetadata().getName()).withUid(cj.getMetadata().getUid()).withController(true)
            .withBlockOwnerDeletion(true).build())
        .endMetadata().withSpec(new JobSpecBuilder(template.getSpec()).build()).build();
  }

  /** {@code getFinishedStatus}: Complete or Failed, if either is True. */
  static Optional<String> finishedStatus(Job job) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType())) && "True".equals(c.getStatus()))
        .map(c -> c.getType()).findFirst();
  }

  static boolean inActiveList(CronJob cj, String uid) {
    return active(cj).stream().anyMatch(r -> uid.equals(r.getUid()));
  }

  static boolean inActiveListByName(CronJob cj, String name) {
    return active(cj).stream().anyMatch(r -> name.equals(r.getName())
        && cj.getMetadata().getNamespace().equals(r.getNamespace()));
  }

  static void deleteFromActiveList(CronJob cj, String uid) {
    List<ObjectReference> kept = new ArrayList<>(active(cj));
    kept.removeIf(r -> uid.equals(r.getUid()));
    cj.getStatus().setActive(kept);
  }

  static List<ObjectReference> active(CronJob cj) {
    return cj.getStatus() == null || cj.getStatus().getActive() == null ? List.of() : cj.getStatus().getActive();
  }

  /** {@code byJobStartTime}: oldest start first, Jobs never started last, then by name. */
  static final Comparator<Job> BY_START_TIME = Comparator
      .comparing((Job j) -> j.getStatus() == null || j.getStatus().getStartTime() == null)
      .thenComparing(j -> j.getStatus() == null || j.getStatus().getStartTime() == null ? Instant.MAX
          : Instant.parse(j.getStatus().getStartTime()))
      .thenComparing(j -> j.getMetadata().getName());
}
