package io.kube4j.controllermanager;

import io.kube4j.componentbase.flags.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kube-controller-manager}'s command line, with its flag names. */
@Command(name = "kube4j-controller-manager", mixinStandardHelpOptions = true,
    description = "Runs the controllers that drive the cluster towards its desired state.")
public final class ControllerManagerMain implements Callable<Integer> {

  @Option(names = "--kubeconfig", required = true, description = "Path to a kubeconfig with the controller-manager's identity.")
  Path kubeconfig;

  @Option(names = "--controllers", split = ",", defaultValue = "*",
      description = "Controllers to enable: '*' for all on by default, 'foo' to enable, '-foo' to disable.")
  List<String> controllers;

  @Option(names = "--use-service-account-credentials", defaultValue = "true", arity = "0..1",
      description = "Run each controller as its own service account in kube-system.")
  boolean useServiceAccountCredentials;

  @Option(names = "--leader-elect", defaultValue = "true", arity = "0..1")
  boolean leaderElect;

  @Option(names = "--leader-elect-lease-duration", defaultValue = "15s", converter = GoDuration.class)
  Duration leaseDuration;

  @Option(names = "--leader-elect-renew-deadline", defaultValue = "10s", converter = GoDuration.class)
  Duration renewDeadline;

  @Option(names = "--leader-elect-retry-period", defaultValue = "2s", converter = GoDuration.class)
  Duration retryPeriod;

  @Option(names = "--cluster-signing-cert-file", description = "The CA certificate that signs cluster certificates.")
  Path clusterSigningCertFile;

  @Option(names = "--cluster-signing-key-file", description = "The CA key that signs cluster certificates.")
  Path clusterSigningKeyFile;

  @Option(names = "--cluster-signing-duration", defaultValue = "8760h", converter = GoDuration.class)
  Duration clusterSigningDuration;

  @Option(names = "--root-ca-file", description = "The CA published to every namespace as kube-root-ca.crt.")
  Path rootCaFile;

  @Option(names = "--node-monitor-period", defaultValue = "5s", converter = GoDuration.class)
  Duration nodeMonitorPeriod;

  @Option(names = "--node-monitor-grace-period", defaultValue = "40s", converter = GoDuration.class,
      description = "How long a node may go without a heartbeat before it is marked unhealthy.")
  Duration nodeMonitorGracePeriod;

  @Option(names = "--node-startup-grace-period", defaultValue = "60s", converter = GoDuration.class)
  Duration nodeStartupGracePeriod;

  @Option(names = "--node-eviction-rate", defaultValue = "0.1",
      description = "Nodes per second whose pods are evicted when a zone is healthy.")
  double nodeEvictionRate;

  @Option(names = "--secondary-node-eviction-rate", defaultValue = "0.01")
  double secondaryNodeEvictionRate;

  @Option(names = "--unhealthy-zone-threshold", defaultValue = "0.55")
  double unhealthyZoneThreshold;

  @Option(names = "--large-cluster-size-threshold", defaultValue = "50")
  int largeClusterSizeThreshold;

  @Option(names = "--terminated-pod-gc-threshold", defaultValue = "12500",
      description = "Finished pods kept before the oldest are deleted.")
  int terminatedPodGcThreshold;

  @Option(names = "--allocate-node-cidrs", defaultValue = "false", arity = "0..1")
  boolean allocateNodeCidrs;

  @Option(names = "--cluster-cidr", defaultValue = "10.244.0.0/16")
  String clusterCidr;

  @Option(names = "--node-cidr-mask-size", defaultValue = "24")
  int nodeCidrMaskSize;

  @Option(names = "--bind-address", defaultValue = "127.0.0.1")
  String bindAddress;

  @Option(names = "--secure-port", defaultValue = "10257")
  int securePort;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ControllerManagerMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    ControllerManagerOptions options = new ControllerManagerOptions(kubeconfig, controllers,
        useServiceAccountCredentials,
        new ControllerManagerOptions.LeaderElection(leaderElect, leaseDuration, renewDeadline, retryPeriod),
        Optional.ofNullable(clusterSigningCertFile), Optional.ofNullable(clusterSigningKeyFile),
        clusterSigningDuration, Optional.ofNullable(rootCaFile), bindAddress, securePort,
        new ControllerManagerOptions.NodeLifecycle(nodeMonitorPeriod, nodeMonitorGracePeriod, nodeStartupGracePeriod,
            nodeEvictionRate, secondaryNodeEvictionRate, unhealthyZoneThreshold, largeClusterSizeThreshold),
        new ControllerManagerOptions.NodeIpam(allocateNodeCidrs, clusterCidr, nodeCidrMaskSize),
        new ControllerManagerOptions.PodGc(terminatedPodGcThreshold, ControllerManagerOptions.PodGc.DEFAULT.checkPeriod(),
            ControllerManagerOptions.PodGc.DEFAULT.quarantine()));
    CountDownLatch lost = new CountDownLatch(1);
    try (ControllerManager manager = ControllerManager.start(options, lost::countDown)) {
      Runtime.getRuntime().addShutdownHook(new Thread(manager::close, "controller-manager-shutdown"));
      lost.await();
      return 1;  // leadership lost: exit, and let the supervisor start a fresh process
    }
  }
}
