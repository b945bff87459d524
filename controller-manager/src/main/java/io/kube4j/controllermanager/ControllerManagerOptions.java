package io.kube4j.controllermanager;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The controller-manager's settings, named after kube-controller-manager's flags.
 *
 * @param kubeconfig {@code --kubeconfig}: the controller-manager's own identity
 * @param controllers {@code --controllers}: {@code *}, {@code name}, {@code -name}
 * @param useServiceAccountCredentials {@code --use-service-account-credentials}
 * @param leaderElection {@code --leader-elect} and its timings
 * @param clusterSigningCertFile {@code --cluster-signing-cert-file}
 * @param clusterSigningKeyFile {@code --cluster-signing-key-file}
 * @param clusterSigningDuration {@code --cluster-signing-duration}
 * @param rootCaFile {@code --root-ca-file}: published as {@code kube-root-ca.crt}
 * @param bindAddress {@code --bind-address} of the health and metrics endpoint
 * @param securePort {@code --secure-port} (0: pick a free port)
 * @param nodeLifecycle the node lifecycle controller's timings and eviction rates
 * @param nodeIpam {@code --allocate-node-cidrs}, {@code --cluster-cidr}, {@code --node-cidr-mask-size}
 * @param podGc {@code --terminated-pod-gc-threshold} and the pod garbage collector's timings
 */
public record ControllerManagerOptions(Path kubeconfig, List<String> controllers, boolean useServiceAccountCredentials,
    LeaderElection leaderElection, Optional<Path> clusterSigningCertFile, Optional<Path> clusterSigningKeyFile,
    Duration clusterSigningDuration, Optional<Path> rootCaFile, String bindAddress, int securePort,
    NodeLifecycle nodeLifecycle, NodeIpam nodeIpam, PodGc podGc) {

  /**
   * {@code --node-monitor-period} (5 s), {@code --node-monitor-grace-period} (40 s),
   * {@code --node-startup-grace-period} (60 s), {@code --node-eviction-rate} (0.1 nodes/s),
   * {@code --secondary-node-eviction-rate} (0.01), {@code --unhealthy-zone-threshold} (0.55),
   * {@code --large-cluster-size-threshold} (50).
   */
  public record NodeLifecycle(Duration monitorPeriod, Duration monitorGracePeriod, Duration startupGracePeriod,
      double evictionRate, double secondaryEvictionRate, double unhealthyZoneThreshold, int largeClusterSizeThreshold) {

    public static final NodeLifecycle DEFAULT = new NodeLifecycle(Duration.ofSeconds(5), Duration.ofSeconds(40),
        Duration.ofSeconds(60), 0.1, 0.01, 0.55, 50);
  }

  /**
   * {@code --terminated-pod-gc-threshold} (12,500 finished pods kept); how often the pod garbage
   * collector looks (20 s) and how long a pod's node must stay missing (40 s) are fixed upstream and
   * options here only so tests can shrink them.
   */
  public record PodGc(int terminatedPodThreshold, Duration checkPeriod, Duration quarantine) {

    public static final PodGc DEFAULT = new PodGc(12_500, Duration.ofSeconds(20), Duration.ofSeconds(40));
  }

  /** Pod CIDRs for nodes; off unless {@code --allocate-node-cidrs}, as upstream. */
  public record NodeIpam(boolean allocateNodeCidrs, String clusterCidr, int nodeCidrMaskSize) {

    public static final NodeIpam DEFAULT = new NodeIpam(false, "10.244.0.0/16", 24);
  }

  /**
   * {@code --leader-elect}, {@code --leader-elect-lease-duration} (15 s), {@code --leader-elect-renew-deadline}
   * (10 s), {@code --leader-elect-retry-period} (2 s).
   */
  public record LeaderElection(boolean enabled, Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

    public static final LeaderElection DEFAULT = new LeaderElection(true, Duration.ofSeconds(15),
        Duration.ofSeconds(10), Duration.ofSeconds(2));
  }

  public ControllerManagerOptions {
    controllers = List.copyOf(controllers);
  }

  /** {@code --controllers}, e.g. {@code *,-replicaset}. */
  public ControllerManagerOptions withControllers(List<String> value) {
    return new ControllerManagerOptions(kubeconfig, value, useServiceAccountCredentials, leaderElection,
        clusterSigningCertFile, clusterSigningKeyFile, clusterSigningDuration, rootCaFile, bindAddress, securePort,
        nodeLifecycle, nodeIpam, podGc);
  }

  public ControllerManagerOptions withNodeLifecycle(NodeLifecycle value) {
    return new ControllerManagerOptions(kubeconfig, controllers, useServiceAccountCredentials, leaderElection,
        clusterSigningCertFile, clusterSigningKeyFile, clusterSigningDuration, rootCaFile, bindAddress, securePort,
        value, nodeIpam, podGc);
  }

  public ControllerManagerOptions withNodeIpam(NodeIpam value) {
    return new ControllerManagerOptions(kubeconfig, controllers, useServiceAccountCredentials, leaderElection,
        clusterSigningCertFile, clusterSigningKeyFile, clusterSigningDuration, rootCaFile, bindAddress, securePort,
        nodeLifecycle, value, podGc);
  }

  public ControllerManagerOptions withPodGc(PodGc value) {
    return new ControllerManagerOptions(kubeconfig, controllers, useServiceAccountCredentials, leaderElection,
        clusterSigningCertFile, clusterSigningKeyFile, clusterSigningDuration, rootCaFile, bindAddress, securePort,
        nodeLifecycle, nodeIpam, value);
  }
}
