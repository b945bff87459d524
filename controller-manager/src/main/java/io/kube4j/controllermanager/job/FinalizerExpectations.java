package io.kube4j.controllermanager.job;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code uidTrackingExpectations} ({@code tracking_utils.go}): per Job, the pods whose tracking
 * finalizer the controller has asked to remove but whose update the informer has not shown yet.
 * Such a pod is already counted in the Job's status; a sync on a stale cache must not count it again.
 */
final class FinalizerExpectations {

  private final Map<String, Set<String>> uidsByJob = new ConcurrentHashMap<>();

  void expectRemoved(String jobKey, Iterable<String> uids) {
    Set<String> set = uidsByJob.computeIfAbsent(jobKey, k -> ConcurrentHashMap.newKeySet());
    uids.forEach(set::add);
  }

  void removalObserved(String jobKey, String uid) {
    Set<String> set = uidsByJob.get(jobKey);
    if (set != null) {
      set.remove(uid);
    }
  }

  /** A copy: the UIDs still expected. */
  Set<String> expected(String jobKey) {
    Set<String> set = uidsByJob.get(jobKey);
    return set == null ? Set.of() : Set.copyOf(set);
  }

  void delete(String jobKey) {
    uidsByJob.remove(jobKey);
  }
}
