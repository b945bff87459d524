package io.kube4j.controllermanager.job;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per Job, the failures since its last success ({@code backoffStore}, {@code backoff_utils.go}).
 * Held in memory only, as upstream: after a controller restart a Job's backoff starts again.
 */
final class BackoffStore {

  /** {@code backoffRecord}: consecutive failures after the last success, and when the last one happened. */
  record BackoffRecord(String key, int failuresAfterLastSuccess, Instant lastFailureTime) {}

  private final Map<String, BackoffRecord> records = new ConcurrentHashMap<>();

  void update(BackoffRecord record) {
    records.put(record.key(), record);
  }

  void remove(String key) {
    records.remove(key);
  }

  /**
   * {@code newBackoffRecord}: the record after these newly finished pods. Only failures that
   * finished after the latest new success count: a success resets the sequence.
   */
  BackoffRecord next(String key, List<Pod> newSucceeded, List<Pod> newFailed) {
    BackoffRecord old = records.getOrDefault(key, new BackoffRecord(key, 0, null));
    Comparator<Pod> byFinish = Comparator.comparing(JobPods::finishedTime);
    List<Pod> succeeded = newSucceeded.stream().sorted(byFinish).toList();
    List<Pod> failed = newFailed.stream().sorted(byFinish).toList();
    if (succeeded.isEmpty()) {
      if (failed.isEmpty()) {
        return old;
      }
      return new BackoffRecord(key, old.failuresAfterLastSuccess() + failed.size(),
          JobPods.finishedTime(failed.get(failed.size() - 1)));
    }
    Instant lastSuccess = JobPods.finishedTime(succeeded.get(succeeded.size() - 1));
    int failures = 0;
    Instant lastFailure = null;
    for (int i = failed.size() - 1; i >= 0; i--) {
      Instant at = JobPods.finishedTime(failed.get(i));
      if (!at.isAfter(lastSuccess)) {
        break;
      }
      if (lastFailure == null) {
        lastFailure = at;
      }
      failures++;
    }
    return new BackoffRecord(key, failures, lastFailure);
  }
}
