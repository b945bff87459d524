package io.kube4j.agent.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;

/**
 * What the pod workers ask of a container runtime ({@code kubecontainer.Runtime}). Every call is
 * made for one pod at a time by that pod's worker (PodWorkers serialise them per pod), so an
 * implementation need not order calls for the same pod; calls for different pods run concurrently.
 */
public interface Runtime {

  /** {@code Type()}: the runtime's name as {@code containerRuntimeVersion} shows it ({@code containerd}). */
  String type();

  /** {@code Version()}: for {@code nodeInfo.containerRuntimeVersion} ({@code <type>://<version>}). */
  String version();

  /**
   * {@code SyncPod}: moves the pod's sandbox and containers one step toward {@code pod.spec}: creates the
   * sandbox if missing, runs the next init container or starts app containers, restarts exited ones
   * as {@code restartPolicy} allows (with back-off). Returns what the runtime knows afterwards.
   *
   * @param pod the desired pod (read-only)
   * @param status the pod's runtime status before this sync, from {@link #podStatus}
   * @throws RuntimeException when a step failed; the worker retries on its next sync
   */
  PodStatus syncPod(Pod pod, PodStatus status);

  /**
   * {@code KillPod}: stops every container of the pod (each given {@code gracePeriod} between the
   * stop signal and the kill), then its sandbox; returns when all are stopped.
   */
  void killPod(Pod pod, Duration gracePeriod);

  /** Forgets a killed pod's containers and sandbox ({@code RemoveContainer}, {@code RemovePodSandbox}). */
  void removePod(String podUid);

  /** {@code GetPodStatus}: the pod's sandbox and containers as the runtime sees them now. */
  PodStatus podStatus(Pod pod);
}
