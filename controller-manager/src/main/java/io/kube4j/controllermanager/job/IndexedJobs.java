package io.kube4j.controllermanager.job;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Indexed Jobs ({@code indexed_job_utils.go}): each pod carries a completion index in
 * {@code 0..completions-1}, as an annotation, a label and the {@code JOB_COMPLETION_INDEX}
 * variable; the Job is complete when every index has a succeeded pod.
 */
final class IndexedJobs {

  static final String COMPLETION_INDEX_ENV = "JOB_COMPLETION_INDEX";
  /** {@code names.MaxGeneratedNameLength}: 63 less the 5 random characters generateName appends. */
  static final int MAX_GENERATED_NAME_LENGTH = 58;

  private IndexedJobs() {}

  static boolean isIndexed(Job job) {
    return "Indexed".equals(job.getSpec().getCompletionMode());
  }

  static boolean hasBackoffLimitPerIndex(Job job) {
    return job.getSpec().getBackoffLimitPerIndex() != null;
  }

  static int completions(Job job) {
    return job.getSpec().getCompletions() == null ? 0 : job.getSpec().getCompletions();
  }

  static boolean validIndex(Job job, int ix) {
    return ix != JobPods.UNKNOWN_INDEX && ix < completions(job);
  }

  /**
   * {@code calculateSucceededIndexes}: the indexes already in {@code status.completedIndexes}, and
   * those plus the indexes of succeeded pods not yet counted (still holding the finalizer).
   */
  static OrderedIntervals[] succeededIndexes(Job job, List<Pod> pods) {
    OrderedIntervals prev = OrderedIntervals.parse(job.getStatus().getCompletedIndexes(), completions(job));
    Set<Integer> fresh = new TreeSet<>();
    for (Pod p : pods) {
      int ix = JobPods.completionIndex(p);
      if (JobPods.succeeded(p) && validIndex(job, ix) && JobPods.hasTrackingFinalizer(p)) {
        fresh.add(ix);
      }
    }
    return new OrderedIntervals[] {prev, prev.with(fresh)};
  }

  /** {@code calculateFailedIndexes}: {@code status.failedIndexes} plus indexes that have just failed. */
  static OrderedIntervals failedIndexes(Job job, List<Pod> pods) {
    OrderedIntervals prev = OrderedIntervals.parse(job.getStatus().getFailedIndexes(), completions(job));
    Set<Integer> fresh = new TreeSet<>();
    for (Pod p : pods) {
      int ix = JobPods.completionIndex(p);
      if (validIndex(job, ix) && JobPods.hasTrackingFinalizer(p) && indexFailed(job, p)) {
        fresh.add(ix);
      }
    }
    return prev.with(fresh);
  }

  /** {@code isIndexFailed}: a FailIndex rule matched, or the index used up its backoffLimitPerIndex. */
  static boolean indexFailed(Job job, Pod pod) {
    if (!JobPods.failed(pod, job)) {
      return false;
    }
    boolean counted = true;
    if (job.getSpec().getPodFailurePolicy() != null) {
      PodFailurePolicies.Match m = PodFailurePolicies.match(job.getSpec().getPodFailurePolicy(), pod);
      if (m.action().filter(PodFailurePolicies.FAIL_INDEX::equals).isPresent()) {
        return true;
      }
      counted = m.countFailed();
    }
    return counted && JobPods.annotationCount(pod, JobPods.INDEX_FAILURE_COUNT) >= job.getSpec().getBackoffLimitPerIndex();
  }

  /**
   * {@code firstPendingIndexes}: the {@code count} lowest indexes below {@code completions} that no
   * active pod holds and that have neither succeeded nor failed. Worked example: completions 6,
   * succeeded {@code 0,2}, active on 3: pending are 1, 4, 5.
   */
  static List<Integer> firstPendingIndexes(Job job, List<Pod> active, List<Pod> terminating,
      OrderedIntervals succeeded, OrderedIntervals failed, int count) {
    List<Integer> result = new ArrayList<>();
    if (count <= 0) {
      return result;
    }
    OrderedIntervals nonPending = succeeded.with(indexesOf(active));
    if (JobPods.onlyReplaceFailedPods(job)) {
      nonPending = nonPending.with(indexesOf(terminating));
    }
    nonPending = nonPending.merge(failed);
    int candidate = 0;
    int completions = completions(job);
    for (OrderedIntervals.Interval iv : nonPending.intervals()) {
      for (; candidate < completions && result.size() < count && candidate < iv.first(); candidate++) {
        result.add(candidate);
      }
      candidate = Math.max(candidate, iv.last() + 1);
    }
    for (; candidate < completions && result.size() < count; candidate++) {
      result.add(candidate);
    }
    return result;
  }

  static Set<Integer> indexesOf(List<Pod> pods) {
    return pods.stream().map(JobPods::completionIndex).filter(ix -> ix != JobPods.UNKNOWN_INDEX)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * {@code appendDuplicatedIndexPodsForRemoval}: active pods to delete because they have no index,
   * an index out of range, or share their index with another (all but the best of each are deleted).
   */
  static List<Pod> duplicatedIndexPodsForRemoval(Job job, List<Pod> active, List<Pod> keep) {
    List<Pod> rm = new ArrayList<>();
    Map<Integer, List<Pod>> byIndex = new TreeMap<>();
    for (Pod p : active) {
      int ix = JobPods.completionIndex(p);
      if (!validIndex(job, ix)) {
        rm.add(p);
      } else {
        byIndex.computeIfAbsent(ix, k -> new ArrayList<>()).add(p);
      }
    }
    for (List<Pod> same : byIndex.values()) {
      List<Pod> sorted = new ArrayList<>(same);
      sorted.sort(JobPods.DELETION_ORDER);
      rm.addAll(sorted.subList(0, sorted.size() - 1));
      keep.add(sorted.get(sorted.size() - 1));
    }
    return rm;
  }

  /**
   * {@code getPodsWithDelayedDeletionPerIndex}: with backoffLimitPerIndex, the latest failed pod of
   * each index not yet replaced keeps its finalizer until its replacement exists, since the
   * replacement's failure count annotation is computed from it.
   */
  static Map<Integer, Pod> podsWithDelayedDeletion(Job job, List<Pod> counted, List<Pod> active,
      OrderedIntervals succeeded, OrderedIntervals failed) {
    Set<Integer> activeIndexes = indexesOf(active);
    Map<Integer, Pod> result = new HashMap<>();
    for (Pod p : counted) {
      int ix = JobPods.completionIndex(p);
      if (!JobPods.failed(p, job) || !validIndex(job, ix) || succeeded.has(ix) || failed.has(ix)
          || activeIndexes.contains(ix)) {
        continue;
      }
      Pod last = result.get(ix);
      if (last == null || (absoluteFailures(last) <= absoluteFailures(p)
          && !JobPods.finishedTime(p).isBefore(JobPods.finishedTime(last)))) {
        result.put(ix, p);
      }
    }
    return result;
  }

  static int absoluteFailures(Pod p) {
    return JobPods.annotationCount(p, JobPods.INDEX_FAILURE_COUNT)
        + JobPods.annotationCount(p, JobPods.INDEX_IGNORED_FAILURE_COUNT);
  }

  /**
   * Makes {@code template} the pod of index {@code ix}: annotation and label, hostname
   * {@code <job>-<ix>} (with the template's {@code subdomain} this gives each pod a stable DNS name),
   * and, with backoffLimitPerIndex, the failure counts carried over from the pod it replaces.
   */
  static void forIndex(Job job, PodTemplateSpec template, int ix, Pod replaced) {
    Map<String, String> annotations = template.getMetadata().getAnnotations() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(template.getMetadata().getAnnotations());
    annotations.put(JobPods.COMPLETION_INDEX, Integer.toString(ix));
    Map<String, String> labels = template.getMetadata().getLabels() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(template.getMetadata().getLabels());
    labels.put(JobPods.COMPLETION_INDEX, Integer.toString(ix));
    if (hasBackoffLimitPerIndex(job)) {
      int failures = 0;
      int ignored = 0;
      if (replaced != null) {
        failures = JobPods.annotationCount(replaced, JobPods.INDEX_FAILURE_COUNT);
        ignored = JobPods.annotationCount(replaced, JobPods.INDEX_IGNORED_FAILURE_COUNT);
        boolean counts = job.getSpec().getPodFailurePolicy() == null
            || PodFailurePolicies.match(job.getSpec().getPodFailurePolicy(), replaced).countFailed();
        if (counts) {
          failures++;
        } else {
          ignored++;
        }
      }
      annotations.put(JobPods.INDEX_FAILURE_COUNT, Integer.toString(failures));
      if (ignored > 0) {
        annotations.put(JobPods.INDEX_IGNORED_FAILURE_COUNT, Integer.toString(ignored));
      }
    }
    template.getMetadata().setAnnotations(annotations);
    template.getMetadata().setLabels(labels);
    template.getSpec().setHostname(job.getMetadata().getName() + "-" + ix);
  }

  /**
   * {@code addCompletionIndexEnvVariables}: {@code JOB_COMPLETION_INDEX} from the pod's index label
   * through the downward API, in every container and init container that does not set it.
   */
  static void addCompletionIndexEnv(PodTemplateSpec template) {
    List<Container> all = new ArrayList<>(template.getSpec().getContainers());
    if (template.getSpec().getInitContainers() != null) {
      all.addAll(template.getSpec().getInitContainers());
    }
    for (Container c : all) {
      List<io.fabric8.kubernetes.api.model.EnvVar> env = c.getEnv() == null ? new ArrayList<>() : new ArrayList<>(c.getEnv());
      if (env.stream().noneMatch(e -> COMPLETION_INDEX_ENV.equals(e.getName()))) {
        env.add(new EnvVarBuilder().withName(COMPLETION_INDEX_ENV).withNewValueFrom().withNewFieldRef()
            .withFieldPath("metadata.labels['" + JobPods.COMPLETION_INDEX + "']").endFieldRef().endValueFrom().build());
        c.setEnv(env);
      }
    }
  }

  /** {@code podGenerateNameWithIndex}: {@code <job>-<ix>-}, the job name cut so the whole fits 58 characters. */
  static String generateNameWithIndex(String jobName, int ix) {
    String suffix = "-" + ix + "-";
    String prefix = jobName + suffix;
    if (prefix.length() > MAX_GENERATED_NAME_LENGTH) {
      prefix = prefix.substring(0, MAX_GENERATED_NAME_LENGTH - suffix.length()) + suffix;
    }
    return prefix;
  }

  /** Pods in index order ({@code byCompletionIndex}). */
  static final Comparator<Pod> BY_INDEX = Comparator.comparingInt(JobPods::completionIndex);
}
