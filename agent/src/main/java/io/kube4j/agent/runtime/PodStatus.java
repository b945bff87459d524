package io.kube4j.agent.runtime;

import java.util.List;
import java.util.Optional;

/**
 * A pod as the runtime sees it ({@code kubecontainer.PodStatus}): its sandbox's IPs and the latest
 * status of each container it ran. Not the API's {@code PodStatus}: the agent turns this into that
 * ({@code generateAPIPodStatus}).
 *
 * @param uid the pod's uid
 * @param ips the sandbox's IPs, first the primary one; empty before the sandbox exists
 * @param sandboxReady whether a sandbox runs (the {@code PodReadyToStartContainers} condition)
 * @param containers every run the runtime still remembers, newest first per container name
 *     (upstream keeps exited containers until garbage collection; the first is the current run, the
 *     second is what the API calls {@code lastState})
 */
public record PodStatus(String uid, List<String> ips, boolean sandboxReady, List<ContainerStatus> containers) {

  public PodStatus {
    ips = List.copyOf(ips);
    containers = List.copyOf(containers);
  }

  /** A pod the runtime knows nothing about. */
  public static PodStatus empty(String uid) {
    return new PodStatus(uid, List.of(), false, List.of());
  }

  public Optional<ContainerStatus> container(String name) {
    return containers.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The run before the current one, if the runtime remembers it. */
  public Optional<ContainerStatus> previous(String name) {
    return containers.stream().filter(c -> c.name().equals(name)).skip(1).findFirst();
  }

  /** True when no container of the pod is running or being created. */
  public boolean allStopped() {
    return containers.stream().noneMatch(c -> c.state() == ContainerState.RUNNING || c.state() == ContainerState.CREATED);
  }
}
