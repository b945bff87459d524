package io.kube4j.controllermanager.job;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Job conditions. {@code Complete} and {@code Failed} are terminal; since Kubernetes 1.31 each is
 * preceded by an interim one, {@code SuccessCriteriaMet} or {@code FailureTarget}, written as soon as
 * the outcome is known, while the Job's remaining pods are still being terminated and counted; the
 * terminal condition follows once none is left. {@code Suspended} tracks {@code spec.suspend}.
 */
final class JobConditions {

  static final String COMPLETE = "Complete";
  static final String FAILED = "Failed";
  static final String SUCCESS_CRITERIA_MET = "SuccessCriteriaMet";
  static final String FAILURE_TARGET = "FailureTarget";
  static final String SUSPENDED = "Suspended";

  static final String REASON_BACKOFF_LIMIT_EXCEEDED = "BackoffLimitExceeded";
  static final String REASON_DEADLINE_EXCEEDED = "DeadlineExceeded";
  static final String REASON_POD_FAILURE_POLICY = "PodFailurePolicy";
  static final String REASON_FAILED_INDEXES = "FailedIndexes";
  static final String REASON_MAX_FAILED_INDEXES_EXCEEDED = "MaxFailedIndexesExceeded";
  static final String REASON_COMPLETIONS_REACHED = "CompletionsReached";

  private JobConditions() {}

  /** {@code newCondition}; times in whole seconds, as {@code metav1.Time} serialises them. */
  static JobCondition of(String type, String status, String reason, String message, Instant now) {
    String at = now.truncatedTo(ChronoUnit.SECONDS).toString();
    return new JobConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastProbeTime(at).withLastTransitionTime(at).build();
  }

  static Optional<JobCondition> find(Job job, String type) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return job.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  static boolean isTrue(Job job, String type) {
    return find(job, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /** {@code IsJobFinished}: {@code Complete} or {@code Failed} is True. */
  static boolean finished(Job job) {
    return isTrue(job, COMPLETE) || isTrue(job, FAILED);
  }

  /**
   * {@code ensureJobConditionStatus}: sets the condition of {@code type} to this status, reason and
   * message, stamping a new transition time only if one of them changed; a False condition is never
   * added where none was. Returns whether the list changed.
   */
  static boolean ensure(Job job, String type, String status, String reason, String message, Instant now) {
    List<JobCondition> list = job.getStatus().getConditions() == null ? new ArrayList<>()
        : new ArrayList<>(job.getStatus().getConditions());
    for (int i = 0; i < list.size(); i++) {
      JobCondition c = list.get(i);
      if (c.getType().equals(type)) {
        if (!status.equals(c.getStatus()) || !eq(reason, c.getReason()) || !eq(message, c.getMessage())) {
          list.set(i, of(type, status, reason, message, now));
          job.getStatus().setConditions(list);
          return true;
        }
        return false;
      }
    }
    if (!"False".equals(status)) {
      list.add(of(type, status, reason, message, now));
      job.getStatus().setConditions(list);
      return true;
    }
    return false;
  }

  static void append(Job job, JobCondition condition) {
    List<JobCondition> list = job.getStatus().getConditions() == null ? new ArrayList<>()
        : new ArrayList<>(job.getStatus().getConditions());
    list.add(condition);
    job.getStatus().setConditions(list);
  }

  private static boolean eq(String a, String b) {
    return (a == null ? "" : a).equals(b == null ? "" : b);
  }
}
