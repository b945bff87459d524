package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl get jobs}: NAME STATUS COMPLETIONS DURATION AGE | CONTAINERS IMAGES SELECTOR. A port of
 * {@code printJob}:
 * <ul>
 *   <li>STATUS, first match wins: {@code Complete}, {@code Failed} (conditions), {@code Terminating}
 *       (being deleted), {@code Suspended}, {@code FailureTarget}, else {@code Running};</li>
 *   <li>COMPLETIONS is {@code succeeded/completions}; without {@code completions} (a work queue) it is
 *       {@code succeeded/1}, or {@code succeeded/1 of P} with {@code parallelism} P &gt; 1;</li>
 *   <li>DURATION runs from {@code startTime} to {@code completionTime}, or to now while running; empty
 *       before the job started.</li>
 * </ul>
 */
final class JobPrinter implements TablePrinter<Job> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Status", "Status of the job."),
      Columns.string("Completions", "The number of pods which reached phase Succeeded."),
      Columns.string("Duration", "Time required to complete the job."),
      Columns.age(),
      Columns.wideContainers(),
      Columns.wideImages(),
      Columns.wide("Selector", "A label query over pods that should match the pod count."));

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Job job, Instant now) {
    JobSpec spec = job.getSpec() == null ? new JobSpec() : job.getSpec();
    JobStatus status = job.getStatus() == null ? new JobStatus() : job.getStatus();
    long succeeded = Formats.orZero(status.getSucceeded());

    String completions;
    if (spec.getCompletions() != null) {
      completions = succeeded + "/" + spec.getCompletions();
    } else {
      long parallelism = Formats.orZero(spec.getParallelism());
      completions = parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
    }

    Optional<Instant> start = Formats.parseTime(status.getStartTime());
    Optional<Instant> completion = Formats.parseTime(status.getCompletionTime());
    String duration = "";
    if (start.isPresent()) {
      duration = HumanDuration.format(Duration.between(start.get(), completion.orElse(now)));
    }

    List<JobCondition> conditions = Formats.orEmpty(status.getConditions());
    String state;
    if (hasCondition(conditions, "Complete")) {
      state = "Complete";
    } else if (hasCondition(conditions, "Failed")) {
      state = "Failed";
    } else if (Formats.isDeleting(job)) {
      state = "Terminating";
    } else if (hasCondition(conditions, "Suspended")) {
      state = "Suspended";
    } else if (hasCondition(conditions, "FailureTarget")) {
      state = "FailureTarget";
    } else {
      state = "Running";
    }

    List<Container> containers = Formats.templateContainers(spec.getTemplate());
    return List.of(
        Formats.name(job),
        state,
        completions,
        duration,
        Formats.age(job, now),
        Formats.containerNames(containers),
        Formats.containerImages(containers),
        Formats.formatLabelSelector(spec.getSelector()));
  }

  /** {@code hasJobCondition}: the first condition of that type decides. */
  private static boolean hasCondition(List<JobCondition> conditions, String type) {
    for (JobCondition c : conditions) {
      if (type.equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    return false;
  }
}
