package io.kube4j.agent;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.kube4j.agent.AgentOptions.RuntimeKind;
import io.kube4j.agent.runtime.simulated.CrashLoopBackOff;
import io.kube4j.componentbase.flags.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The kubelet's command line, with its flag names; kube4j's own flags are marked as such. */
@Command(name = "kube4j-agent", mixinStandardHelpOptions = true,
    description = "Registers nodes and runs the pods bound to them (the kubelet).")
public final class AgentMain implements Callable<Integer> {

  @Option(names = "--kubeconfig", description = "The node's kubeconfig; written by TLS bootstrap when missing.")
  Path kubeconfig = Path.of("/etc/kubernetes/kubelet.conf");

  @Option(names = "--bootstrap-kubeconfig", description = "A kubeconfig with a bootstrap token, to obtain a client certificate.")
  Path bootstrapKubeconfig;

  @Option(names = "--cert-dir", description = "Where the client certificate is kept (default: ${DEFAULT-VALUE}).")
  Path certDir = Path.of("/var/lib/kubelet/pki");

  @Option(names = "--hostname-override", description = "The node name instead of the host name.")
  String hostnameOverride;

  @Option(names = "--node-ip", description = "The node's InternalIP (default: the host's first non-loopback IPv4).")
  String nodeIp;

  @Option(names = "--node-labels", split = ",", description = "Labels to register the node with: key=value,...")
  List<String> nodeLabels = new ArrayList<>();

  @Option(names = "--register-with-taints", split = ",", description = "Taints to register the node with: key=value:Effect,...")
  List<String> registerWithTaints = new ArrayList<>();

  @Option(names = "--node-status-update-frequency", defaultValue = "10s", converter = GoDuration.class)
  Duration nodeStatusUpdateFrequency;

  @Option(names = "--node-status-report-frequency", defaultValue = "5m", converter = GoDuration.class,
      description = "nodeStatusReportFrequency: the longest time between two status writes.")
  Duration nodeStatusReportFrequency;

  @Option(names = "--node-lease-duration-seconds", defaultValue = "40")
  int nodeLeaseDurationSeconds;

  @Option(names = "--sync-frequency", defaultValue = "1m", converter = GoDuration.class)
  Duration syncFrequency;

  @Option(names = "--max-pods", defaultValue = "110")
  int maxPods;

  @Option(names = "--healthz-bind-address", defaultValue = "127.0.0.1")
  String healthzBindAddress;

  @Option(names = "--healthz-port", defaultValue = "10248", description = "0 disables /healthz.")
  int healthzPort;

  @Option(names = "--runtime", defaultValue = "simulated",
      description = "kube4j: the container runtime, ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  RuntimeKind runtime;

  @Option(names = "--nodes", defaultValue = "1", description = "kube4j: how many simulated nodes this process hosts.")
  int nodes;

  @Option(names = "--node-name-prefix", defaultValue = "kube4j-node",
      description = "kube4j: with --nodes > 1 the nodes are <prefix>-1, <prefix>-2, ...")
  String nodeNamePrefix;

  @Option(names = "--simulated-cpu", defaultValue = "4", description = "kube4j: cpu capacity of a simulated node.")
  String simulatedCpu;

  @Option(names = "--simulated-memory", defaultValue = "16Gi", description = "kube4j: memory capacity of a simulated node.")
  String simulatedMemory;

  @Option(names = "--simulated-ephemeral-storage", defaultValue = "100Gi")
  String simulatedStorage;

  @Option(names = "--simulated-restart-backoff", defaultValue = "10s", converter = GoDuration.class,
      description = "kube4j: the first CrashLoopBackOff wait of simulated containers (doubling to 5m).")
  Duration simulatedRestartBackoff;

  public static void main(String[] args) {
    System.exit(new CommandLine(new AgentMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (runtime == RuntimeKind.containerd) {
      System.err.println("kube4j-agent: --runtime containerd is not built yet; use --runtime simulated");
      return 1;
    }
    AgentOptions options = options();
    try (AgentProcess process = AgentProcess.start(options)) {
      Runtime.getRuntime().addShutdownHook(new Thread(process::close, "agent-shutdown"));
      process.awaitClose();
      return 0;
    }
  }

  AgentOptions options() {
    long cpuMillis = new Quantity(simulatedCpu).getNumericalAmount().multiply(java.math.BigDecimal.valueOf(1000))
        .longValue();
    AgentOptions.Simulated simulated = new AgentOptions.Simulated(cpuMillis,
        new Quantity(simulatedMemory).getNumericalAmount().longValue(),
        new Quantity(simulatedStorage).getNumericalAmount().longValue(),
        new CrashLoopBackOff(simulatedRestartBackoff, Duration.ofMinutes(5)));
    return new AgentOptions(kubeconfig, Optional.ofNullable(bootstrapKubeconfig), certDir,
        Optional.ofNullable(hostnameOverride), Optional.ofNullable(nodeIp), labels(nodeLabels),
        taints(registerWithTaints), nodeStatusUpdateFrequency, nodeStatusReportFrequency, nodeLeaseDurationSeconds,
        syncFrequency, maxPods, runtime, nodes, nodeNamePrefix, healthzBindAddress, healthzPort, simulated);
  }

  static Map<String, String> labels(List<String> flags) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String kv : flags) {
      if (kv.isBlank()) {
        continue;
      }
      int eq = kv.indexOf('=');
      if (eq < 0) {
        throw new CommandLine.ParameterException(new CommandLine(new AgentMain()),
            "--node-labels: \"" + kv + "\" is not key=value");
      }
      labels.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return labels;
  }

  /** {@code key=value:Effect} or {@code key:Effect}, as {@code ParseTaints}. */
  static List<Taint> taints(List<String> flags) {
    List<Taint> taints = new ArrayList<>();
    for (String spec : flags) {
      if (spec.isBlank()) {
        continue;
      }
      int colon = spec.lastIndexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("invalid taint spec: " + spec);
      }
      String effect = spec.substring(colon + 1);
      if (!List.of("NoSchedule", "PreferNoSchedule", "NoExecute").contains(effect)) {
        throw new IllegalArgumentException("invalid taint effect: " + effect + ", unsupported taint effect");
      }
      String kv = spec.substring(0, colon);
      int eq = kv.indexOf('=');
      Taint t = new Taint();
      t.setKey(eq < 0 ? kv : kv.substring(0, eq));
      t.setValue(eq < 0 ? null : kv.substring(eq + 1));
      t.setEffect(effect);
      taints.add(t);
    }
    return taints;
  }
}
