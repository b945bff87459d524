package io.kube4j.agent.pod;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * {@code getPhase} (pkg/kubelet/kubelet_pods.go): the pod's phase from its container statuses.
 * Worked example, restartPolicy Always, two containers, one running and one in CrashLoopBackOff
 * (waiting, with a last termination): running=1, stopped=1 → Running.
 */
final class PodPhase {

  private PodPhase() {}

  static String of(Pod pod, List<ContainerStatus> init, List<ContainerStatus> app, boolean podIsTerminal) {
    String restartPolicy = pod.getSpec().getRestartPolicy() == null ? "Always" : pod.getSpec().getRestartPolicy();
    boolean pendingInitialization = false;
    for (int i = 0; i < init.size(); i++) {
      ContainerStatus s = init.get(i);
      boolean sidecar = "Always".equals(pod.getSpec().getInitContainers().get(i).getRestartPolicy());
      var state = s.getState();
      if (sidecar) {
        if (!Boolean.TRUE.equals(s.getStarted())) {
          pendingInitialization = true;
        }
      } else if (state.getTerminated() != null && state.getTerminated().getExitCode() == 0) {
        continue;
      } else if (state.getTerminated() != null) {
        if ("Never".equals(restartPolicy)) {
          return "Failed";  // an init container failed and will not be retried
        }
        pendingInitialization = true;
      } else {
        pendingInitialization = true;
      }
    }
    int running = 0;
    int waiting = 0;
    int stopped = 0;
    int succeeded = 0;
    for (ContainerStatus s : app) {
      var state = s.getState();
      if (state.getRunning() != null) {
        running++;
      } else if (state.getTerminated() != null) {
        stopped++;
        if (state.getTerminated().getExitCode() == 0) {
          succeeded++;
        }
      } else if (s.getLastState() != null && s.getLastState().getTerminated() != null) {
        stopped++;  // waiting to be restarted counts as stopped
        if (s.getLastState().getTerminated().getExitCode() == 0) {
          succeeded++;
        }
      } else {
        waiting++;
      }
    }
    if (pendingInitialization && !podIsTerminal) {
      return "Pending";
    }
    if (waiting > 0 && !podIsTerminal) {
      return "Pending";
    }
    if (running > 0 && !podIsTerminal) {
      return "Running";
    }
    if (podIsTerminal) {
      // the kubelet stopped the pod: whatever would have been restarted counts as it ended
      return stopped == succeeded && waiting == 0 && running == 0 ? "Succeeded" : "Failed";
    }
    if (stopped > 0) {
      if ("Always".equals(restartPolicy)) {
        return "Running";
      }
      if (stopped == succeeded) {
        return "Succeeded";
      }
      return "OnFailure".equals(restartPolicy) ? "Running" : "Failed";
    }
    return "Pending";
  }
}
