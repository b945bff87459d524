package io.kube4j.controllermanager.job;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Job controller asks of a pod (upstream's helpers in {@code job_controller.go},
 * {@code indexed_job_utils.go}, {@code backoff_utils.go} and {@code controller_utils.go}).
 */
final class JobPods {

  /** The finalizer that keeps a finished pod around until the controller has counted it. */
  static final String TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";
  /** Annotation (and, since 1.28, label) holding an Indexed Job pod's index. */
  static final String COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";
  static final String INDEX_FAILURE_COUNT = "batch.kubernetes.io/job-index-failure-count";
  static final String INDEX_IGNORED_FAILURE_COUNT = "batch.kubernetes.io/job-index-ignored-failure-count";
  static final int UNKNOWN_INDEX = -1;

  private JobPods() {}

  static boolean hasTrackingFinalizer(Pod pod) {
    List<String> f = pod.getMetadata().getFinalizers();
    return f != null && f.contains(TRACKING_FINALIZER);
  }

  static String phase(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
  }

  static boolean succeeded(Pod pod) {
    return "Succeeded".equals(phase(pod));
  }

  static boolean terminal(Pod pod) {
    return succeeded(pod) || "Failed".equals(phase(pod));
  }

  /** {@code FilterActivePods}: neither finished nor being deleted. */
  static boolean active(Pod pod) {
    return !terminal(pod) && pod.getMetadata().getDeletionTimestamp() == null;
  }

  /** {@code IsPodTerminating}: being deleted, not yet finished. */
  static boolean terminating(Pod pod) {
    return !terminal(pod) && pod.getMetadata().getDeletionTimestamp() != null;
  }

  static boolean ready(Pod pod) {
    return condition(pod, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  static Optional<PodCondition> condition(Pod pod, String type) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /**
   * {@code isPodFailed}: Failed, or deleted before it succeeded (an orphaned or evicted pod may
   * never reach Failed), unless only Failed pods are to be replaced.
   */
  static boolean failed(Pod pod, Job job) {
    if ("Failed".equals(phase(pod))) {
      return true;
    }
    if (onlyReplaceFailedPods(job)) {
      return false;
    }
    return pod.getMetadata().getDeletionTimestamp() != null && !succeeded(pod);
  }

  /** {@code onlyReplaceFailedPods}: {@code podReplacementPolicy: Failed}, implied by a pod failure policy. */
  static boolean onlyReplaceFailedPods(Job job) {
    return "Failed".equals(job.getSpec().getPodReplacementPolicy()) || job.getSpec().getPodFailurePolicy() != null;
  }

  static boolean controlledBy(Pod pod, Job job) {
    return controllerOf(pod).map(r -> r.getUid().equals(job.getMetadata().getUid())).orElse(false);
  }

  static Optional<OwnerReference> controllerOf(Pod pod) {
    List<OwnerReference> refs = pod.getMetadata().getOwnerReferences();
    return refs == null ? Optional.empty() : refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  /** {@code getCompletionIndex}: the annotation's value, or {@link #UNKNOWN_INDEX}. */
  static int completionIndex(Pod pod) {
    Map<String, String> a = pod.getMetadata().getAnnotations();
    String v = a == null ? null : a.get(COMPLETION_INDEX);
    if (v == null) {
      return UNKNOWN_INDEX;
    }
    try {
      int i = Integer.parseInt(v);
      return i < 0 ? UNKNOWN_INDEX : i;
    } catch (NumberFormatException e) {
      return UNKNOWN_INDEX;
    }
  }

  /** An index annotation as a count (failure counts), 0 when absent or malformed. */
  static int annotationCount(Pod pod, String key) {
    Map<String, String> a = pod.getMetadata().getAnnotations();
    try {
      int n = a == null || a.get(key) == null ? 0 : Integer.parseInt(a.get(key));
      return Math.max(n, 0);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * {@code getFinishedTime}: when every container had terminated (the latest finishedAt), else when
   * Ready turned False, else the deletion time less the grace period, else the creation time.
   */
  static Instant finishedTime(Pod pod) {
    Instant latest = null;
    List<ContainerStatus> statuses = pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
    if (statuses != null && !statuses.isEmpty()) {
      for (ContainerStatus s : statuses) {
        if (s.getState() == null || s.getState().getTerminated() == null
            || s.getState().getTerminated().getFinishedAt() == null) {
          latest = null;
          break;
        }
        Instant at = Instant.parse(s.getState().getTerminated().getFinishedAt());
        latest = latest == null || at.isAfter(latest) ? at : latest;
      }
      if (latest != null) {
        return latest;
      }
    }
    Optional<PodCondition> ready = condition(pod, "Ready");
    if (ready.isPresent() && "False".equals(ready.get().getStatus()) && ready.get().getLastTransitionTime() != null) {
      return Instant.parse(ready.get().getLastTransitionTime());
    }
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
      return Instant.parse(pod.getMetadata().getDeletionTimestamp()).minusSeconds(grace == null ? 0 : grace);
    }
    return Instant.parse(pod.getMetadata().getCreationTimestamp());
  }

  /**
   * {@code controller.ActivePods}: the order in which active pods are deleted first: unscheduled
   * before scheduled, Pending before Unknown before Running, not ready before ready, ready for less
   * time before longer, more restarts before fewer, newer before older.
   */
  static final Comparator<Pod> DELETION_ORDER = Comparator
      .<Pod, Boolean>comparing(p -> p.getSpec().getNodeName() != null && !p.getSpec().getNodeName().isEmpty())
      .thenComparingInt(p -> switch (phase(p)) {
        case "Pending" -> 0;
        case "Unknown" -> 1;
        case "Running" -> 2;
        default -> 3;
      })
      .thenComparing(JobPods::ready)
      .thenComparing(p -> condition(p, "Ready").map(PodCondition::getLastTransitionTime).orElse(""),
          Comparator.reverseOrder())
      .thenComparing(p -> restarts(p), Comparator.reverseOrder())
      .thenComparing(p -> p.getMetadata().getCreationTimestamp() == null ? "" : p.getMetadata().getCreationTimestamp(),
          Comparator.reverseOrder());

  private static int restarts(Pod pod) {
    List<ContainerStatus> s = pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
    return s == null ? 0 : s.stream().mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount()).max().orElse(0);
  }
}
