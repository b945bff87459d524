package io.kube4j.agent.kuberuntime;

import java.nio.file.Path;
import java.util.Map;

/**
 * What other parts of the agent prepare for one container before it is created, after kubelet's
 * {@code kubecontainer.RunContainerOptions}: the environment ({@link EnvironmentVariables}), the
 * host directory of each pod volume (the volume manager), and the files kubelet mounts itself.
 *
 * @param env                        variables in definition order, already expanded
 * @param volumeHostPaths            volume name → host directory or file
 * @param terminationMessageHostPath the file mounted at terminationMessagePath, or null for none
 * @param etcHostsHostPath           the pod's managed /etc/hosts ({@link EtcHosts}), or null to
 *                                   keep the runtime's copy of the host's
 */
public record RunContainerOptions(Map<String, String> env, Map<String, Path> volumeHostPaths,
    Path terminationMessageHostPath, Path etcHostsHostPath) {

  public RunContainerOptions {
    env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
    volumeHostPaths = Map.copyOf(volumeHostPaths);
  }

  public static RunContainerOptions of(Map<String, String> env) {
    return new RunContainerOptions(env, Map.of(), null, null);
  }
}
