package io.kube4j.controllermanager.job;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one sync of one Job has worked out so far ({@code syncJobCtx}). {@link #job} is the sync's
 * own copy of the cached Job, whose status the sync edits and finally writes.
 */
final class SyncJobContext {

  final Job job;
  final String key;
  /** Every pod the Job controls, including finished and terminating ones. */
  final List<Pod> pods;
  /** Pods neither finished nor being deleted. */
  final List<Pod> activePods;
  /** Pods in {@code status.uncountedTerminatedPods}: finished, recorded, finalizer not yet removed. */
  final Set<String> uncountedSucceeded;
  final Set<String> uncountedFailed;
  /** Pods whose finalizer removal this controller requested but the cache does not show yet. */
  final Set<String> expectedRmFinalizers;
  int ready;
  int terminating;
  int succeeded;
  int failed;
  /** Indexed Jobs: indexes counted in status before this sync, and including this sync's. */
  OrderedIntervals prevSucceededIndexes = OrderedIntervals.empty();
  OrderedIntervals succeededIndexes = OrderedIntervals.empty();
  /** Indexed Jobs with backoffLimitPerIndex; null otherwise. */
  OrderedIntervals failedIndexes;
  Map<Integer, Pod> podsWithDelayedDeletionPerIndex = Map.of();
  /**
   * The outcome once known: an interim condition ({@code SuccessCriteriaMet}, {@code FailureTarget})
   * or the terminal one it leads to; null while the Job runs.
   */
  JobCondition finishedCondition;
  BackoffStore.BackoffRecord newBackoffRecord;

  SyncJobContext(Job job, String key, List<Pod> pods, List<Pod> activePods, Set<String> uncountedSucceeded,
      Set<String> uncountedFailed, Set<String> expectedRmFinalizers) {
    this.job = job;
    this.key = key;
    this.pods = pods;
    this.activePods = activePods;
    this.uncountedSucceeded = uncountedSucceeded;
    this.uncountedFailed = uncountedFailed;
    this.expectedRmFinalizers = expectedRmFinalizers;
  }
}
