package io.kube4j.agent.pod;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;

/**
 * What a pod worker runs ({@code podSyncer} in pod_workers.go). Each method is called by one worker
 * at a time for a given pod, with the latest version of the pod.
 */
public interface PodSyncer {

  /**
   * {@code SyncPod}: brings the pod's containers toward its spec and writes its status.
   *
   * @return true when the pod has reached a terminal phase (Succeeded/Failed) and must not run again
   */
  boolean syncPod(Pod pod);

  /** {@code SyncTerminatingPod}: stops every container with {@code gracePeriod} and writes the status. */
  void syncTerminatingPod(Pod pod, Duration gracePeriod);

  /**
   * {@code SyncTerminatedPod}: removes what is left of a stopped pod from the runtime; for a pod that
   * is being deleted, also the final delete of its API object.
   */
  void syncTerminatedPod(Pod pod);

  /** A pod gone from the API (force-deleted): stop and forget it without writing anything. */
  void forgetPod(Pod pod);
}
