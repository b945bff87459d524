package io.kube4j.agent.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pod conditions the kubelet owns, with upstream's reasons and messages
 * ({@code pkg/kubelet/status/generate.go}): {@code Initialized}, {@code ContainersReady}, {@code Ready},
 * and {@code PodReadyToStartContainers} ({@code pkg/kubelet/kuberuntime}). {@code PodScheduled} is
 * the scheduler's and is carried over as it is.
 */
final class PodConditions {

  static final String UNKNOWN_CONTAINER_STATUSES = "UnknownContainerStatuses";
  static final String POD_COMPLETED = "PodCompleted";
  static final String CONTAINERS_NOT_READY = "ContainersNotReady";
  static final String CONTAINERS_NOT_INITIALIZED = "ContainersNotInitialized";

  private PodConditions() {}

  /**
   * {@code GenerateContainersReadyCondition} and, with no readiness gates honoured beyond it,
   * {@code GeneratePodReadyCondition}: both True when every app container is ready; a pod that
   * Succeeded reports {@code PodCompleted}.
   */
  static PodCondition containersReady(String type, Pod pod, List<ContainerStatus> statuses, String phase) {
    List<String> unknown = new ArrayList<>();
    List<String> unready = new ArrayList<>();
    for (Container c : pod.getSpec().getContainers()) {
      Optional<ContainerStatus> s = statuses.stream().filter(x -> x.getName().equals(c.getName())).findFirst();
      if (s.isEmpty()) {
        unknown.add(c.getName());
      } else if (!Boolean.TRUE.equals(s.get().getReady())) {
        unready.add(c.getName());
      }
    }
    if ("Succeeded".equals(phase) && unknown.isEmpty()) {
      return condition(type, "False", POD_COMPLETED, "");
    }
    if (!unknown.isEmpty()) {
      return condition(type, "False", UNKNOWN_CONTAINER_STATUSES, "containers with unknown status: " + names(unknown));
    }
    if (!unready.isEmpty()) {
      return condition(type, "False", CONTAINERS_NOT_READY, "containers with unready status: " + names(unready));
    }
    return condition(type, "True", null, null);
  }

  /**
   * {@code GeneratePodInitializedCondition}: True once every init container completed (a sidecar
   * counts once started); otherwise the names of those that did not.
   */
  static PodCondition initialized(Pod pod, List<ContainerStatus> initStatuses, String phase) {
    List<Container> inits = pod.getSpec().getInitContainers() == null ? List.of() : pod.getSpec().getInitContainers();
    List<String> incomplete = new ArrayList<>();
    for (Container c : inits) {
      Optional<ContainerStatus> s = initStatuses.stream().filter(x -> x.getName().equals(c.getName())).findFirst();
      boolean sidecar = "Always".equals(c.getRestartPolicy());
      boolean done = s.isPresent() && (sidecar ? Boolean.TRUE.equals(s.get().getStarted())
          : s.get().getState() != null && s.get().getState().getTerminated() != null
              && s.get().getState().getTerminated().getExitCode() == 0);
      if (!done) {
        incomplete.add(c.getName());
      }
    }
    if (incomplete.isEmpty()) {
      return "Succeeded".equals(phase) && !inits.isEmpty() ? condition("Initialized", "True", POD_COMPLETED, "")
          : condition("Initialized", "True", null, null);
    }
    return condition("Initialized", "False", CONTAINERS_NOT_INITIALIZED,
        "containers with incomplete status: " + names(incomplete));
  }

  /** {@code PodReadyToStartContainers}: True while the pod's sandbox runs with its network set up. */
  static PodCondition readyToStartContainers(boolean sandboxReady) {
    return condition("PodReadyToStartContainers", sandboxReady ? "True" : "False", null, null);
  }

  private static PodCondition condition(String type, String status, String reason, String message) {
    return new PodConditionBuilder().withType(type).withStatus(status)
        .withReason(reason == null || reason.isEmpty() ? null : reason)
        .withMessage(message == null || message.isEmpty() ? null : message).build();
  }

  /** Go's {@code fmt.Sprint} of a string slice: {@code [a b]}. */
  private static String names(List<String> names) {
    return "[" + String.join(" ", names) + "]";
  }
}
