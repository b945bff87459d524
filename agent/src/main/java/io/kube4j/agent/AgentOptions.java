package io.kube4j.agent;

import io.fabric8.kubernetes.api.model.Taint;
import io.kube4j.agent.runtime.simulated.CrashLoopBackOff;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's settings, named after kubelet's flags and KubeletConfiguration fields; the kube4j
 * additions ({@code --runtime}, {@code --nodes}, {@code --node-name-prefix}, {@code --simulated-*})
 * say so.
 *
 * @param kubeconfig {@code --kubeconfig}: the node's identity; written by TLS bootstrap when missing
 * @param bootstrapKubeconfig {@code --bootstrap-kubeconfig}: a bootstrap token to ask for a certificate
 * @param certDir {@code --cert-dir}: where the issued certificate is kept
 * @param hostnameOverride {@code --hostname-override}: the node name instead of the host name
 * @param nodeIp {@code --node-ip}: the InternalIP (default: the host's first non-loopback IPv4)
 * @param nodeLabels {@code --node-labels}
 * @param registerWithTaints {@code --register-with-taints}
 * @param nodeStatusUpdateFrequency {@code --node-status-update-frequency} (10 s)
 * @param nodeStatusReportFrequency {@code nodeStatusReportFrequency} (5 min)
 * @param nodeLeaseDurationSeconds {@code --node-lease-duration-seconds} (40; renewed every quarter)
 * @param syncFrequency {@code --sync-frequency} (1 min): every pod is synced again this often
 * @param maxPods {@code --max-pods} (110)
 * @param runtime kube4j's {@code --runtime}: {@code simulated} or {@code containerd}
 * @param nodes kube4j's {@code --nodes}: how many simulated nodes this process hosts
 * @param nodeNamePrefix kube4j's {@code --node-name-prefix}: with several nodes they are {@code <prefix>-1}...
 * @param healthzBindAddress {@code --healthz-bind-address}
 * @param healthzPort {@code --healthz-port} (10248; 0 disables)
 * @param simulated the capacity and timing of simulated nodes
 */
public record AgentOptions(Path kubeconfig, Optional<Path> bootstrapKubeconfig, Path certDir,
    Optional<String> hostnameOverride, Optional<String> nodeIp, Map<String, String> nodeLabels,
    List<Taint> registerWithTaints, Duration nodeStatusUpdateFrequency, Duration nodeStatusReportFrequency,
    int nodeLeaseDurationSeconds, Duration syncFrequency, int maxPods, RuntimeKind runtime, int nodes,
    String nodeNamePrefix, String healthzBindAddress, int healthzPort, Simulated simulated) {

  /** kube4j's {@code --runtime}. */
  public enum RuntimeKind { simulated, containerd }

  /**
   * A simulated node's machine and the restart back-off of its containers.
   *
   * @param cpuMillis {@code --simulated-cpu} (4 cores)
   * @param memoryBytes {@code --simulated-memory} (16Gi)
   * @param ephemeralStorageBytes {@code --simulated-ephemeral-storage} (100Gi)
   * @param backOff the CrashLoopBackOff ({@code --simulated-restart-backoff} initial, 5 min cap)
   */
  public record Simulated(long cpuMillis, long memoryBytes, long ephemeralStorageBytes, CrashLoopBackOff backOff) {
    public static final Simulated DEFAULT = new Simulated(4000, 16L << 30, 100L << 30, CrashLoopBackOff.KUBELET);
  }

  public AgentOptions {
    nodeLabels = Map.copyOf(nodeLabels);
    registerWithTaints = List.copyOf(registerWithTaints);
    if (nodes < 1) {
      throw new IllegalArgumentException("--nodes must be at least 1, got " + nodes);
    }
  }

  /** The defaults of kubelet for a node that reads {@code kubeconfig}. */
  public static AgentOptions defaults(Path kubeconfig) {
    return new AgentOptions(kubeconfig, Optional.empty(), Path.of("/var/lib/kubelet/pki"), Optional.empty(),
        Optional.empty(), Map.of(), List.of(), Duration.ofSeconds(10), Duration.ofMinutes(5), 40,
        Duration.ofMinutes(1), 110, RuntimeKind.simulated, 1, "kube4j-node", "127.0.0.1", 10248, Simulated.DEFAULT);
  }

  /** How often the Lease is renewed: a quarter of its duration, as kubelet's renew interval fraction 0.25. */
  public Duration leaseRenewInterval() {
    return Duration.ofMillis(nodeLeaseDurationSeconds * 1000L / 4);
  }

  /** The name of node {@code index} (1-based): the override or host name for one node, else {@code <prefix>-<index>}. */
  public String nodeName(int index, String hostname) {
    if (nodes == 1) {
      return hostnameOverride.orElse(hostname).toLowerCase(java.util.Locale.ROOT);
    }
    return nodeNamePrefix + "-" + index;
  }

  /** The kubeconfig of node {@code name}: {@code --kubeconfig} for one node, else one per node in the cert dir. */
  public Path kubeconfigOf(String name) {
    return nodes == 1 ? kubeconfig : certDirOf(name).resolve("kubelet.conf");
  }

  public Path certDirOf(String name) {
    return nodes == 1 ? certDir : certDir.resolve(name);
  }

  public AgentOptions withNodes(int count, String prefix) {
    return new AgentOptions(kubeconfig, bootstrapKubeconfig, certDir, hostnameOverride, nodeIp, nodeLabels,
        registerWithTaints, nodeStatusUpdateFrequency, nodeStatusReportFrequency, nodeLeaseDurationSeconds,
        syncFrequency, maxPods, runtime, count, prefix, healthzBindAddress, healthzPort, simulated);
  }

  public AgentOptions withTimings(Duration statusUpdate, Duration statusReport, int leaseDurationSeconds,
      Duration sync) {
    return new AgentOptions(kubeconfig, bootstrapKubeconfig, certDir, hostnameOverride, nodeIp, nodeLabels,
        registerWithTaints, statusUpdate, statusReport, leaseDurationSeconds, sync, maxPods, runtime, nodes,
        nodeNamePrefix, healthzBindAddress, healthzPort, simulated);
  }

  public AgentOptions withSimulated(Simulated value, int pods) {
    return new AgentOptions(kubeconfig, bootstrapKubeconfig, certDir, hostnameOverride, nodeIp, nodeLabels,
        registerWithTaints, nodeStatusUpdateFrequency, nodeStatusReportFrequency, nodeLeaseDurationSeconds,
        syncFrequency, pods, runtime, nodes, nodeNamePrefix, healthzBindAddress, healthzPort, value);
  }

  /** {@code bootstrap} null: no TLS bootstrap, the kubeconfigs exist already. */
  public AgentOptions withBootstrap(Path bootstrap, Path dir) {
    return new AgentOptions(kubeconfig, Optional.ofNullable(bootstrap), dir, hostnameOverride, nodeIp, nodeLabels,
        registerWithTaints, nodeStatusUpdateFrequency, nodeStatusReportFrequency, nodeLeaseDurationSeconds,
        syncFrequency, maxPods, runtime, nodes, nodeNamePrefix, healthzBindAddress, healthzPort, simulated);
  }

  public AgentOptions withNode(Optional<String> hostname, Map<String, String> labels, List<Taint> taints) {
    return new AgentOptions(kubeconfig, bootstrapKubeconfig, certDir, hostname, nodeIp, labels, taints,
        nodeStatusUpdateFrequency, nodeStatusReportFrequency, nodeLeaseDurationSeconds, syncFrequency, maxPods,
        runtime, nodes, nodeNamePrefix, healthzBindAddress, healthzPort, simulated);
  }

  public AgentOptions withHealthz(int port) {
    return new AgentOptions(kubeconfig, bootstrapKubeconfig, certDir, hostnameOverride, nodeIp, nodeLabels,
        registerWithTaints, nodeStatusUpdateFrequency, nodeStatusReportFrequency, nodeLeaseDurationSeconds,
        syncFrequency, maxPods, runtime, nodes, nodeNamePrefix, healthzBindAddress, port, simulated);
  }
}
