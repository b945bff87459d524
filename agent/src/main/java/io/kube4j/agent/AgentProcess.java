package io.kube4j.agent;

import io.fabric8.kubernetes.client.Config;
import io.kube4j.agent.bootstrap.TlsBootstrap;
import io.kube4j.agent.nodestatus.MachineInfo;
import io.kube4j.agent.nodestatus.NodeConfig;
import io.kube4j.agent.runtime.simulated.SimulatedRuntime;
import io.kube4j.agent.server.HealthzServer;
import io.kube4j.componentbase.client.Kubeconfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent process: the nodes it hosts (one, or {@code --nodes N} simulated ones), their shared
 * threads and the {@code /healthz} endpoint, which says ok once every node is registered.
 */
public final class AgentProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AgentProcess.class);
  /** How many nodes bootstrap at once: each waits for the controller-manager to sign its CSR. */
  private static final int PARALLEL_BOOTSTRAPS = 16;
  private static final Duration BOOTSTRAP_TIMEOUT = Duration.ofMinutes(5);

  private final SharedExecutors shared;
  private final List<Agent> agents;
  private final Optional<HealthzServer> healthz;
  private final CountDownLatch closed = new CountDownLatch(1);

  private AgentProcess(SharedExecutors shared, List<Agent> agents, Optional<HealthzServer> healthz) {
    this.shared = shared;
    this.agents = agents;
    this.healthz = healthz;
  }

  /** Bootstraps each node's identity if needed, then starts every node. */
  public static AgentProcess start(AgentOptions options) throws IOException, InterruptedException {
    return start(options, Clock.systemUTC());
  }

  public static AgentProcess start(AgentOptions options, Clock clock) throws IOException, InterruptedException {
    SharedExecutors shared = SharedExecutors.create();
    String hostname = hostname();
    String ip = options.nodeIp().orElseGet(AgentProcess::hostIp);
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= options.nodes(); i++) {
      names.add(options.nodeName(i, hostname));
    }
    List<Config> configs = identities(options, names, clock);
    List<Agent> agents = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      MachineInfo machine = options.nodes() == 1 && options.runtime() == AgentOptions.RuntimeKind.containerd
          ? MachineInfo.ofHost(options.maxPods(), options.certDir())
          : MachineInfo.simulated(name, options.simulated().cpuMillis(), options.simulated().memoryBytes(),
              options.simulated().ephemeralStorageBytes(), options.maxPods());
      NodeConfig node = new NodeConfig(name, name, ip, options.nodeLabels(),
          options.registerWithTaints(), machine, NodeConfig.KUBELET_VERSION,
          SimulatedRuntime.TYPE + "://" + SimulatedRuntime.VERSION, 10250, NodeConfig.fallbackPodCidr(i + 1));
      agents.add(new Agent(options, node, configs.get(i), shared, clock).start());
    }
    LOG.info("agent: {} node(s) starting ({} runtime: containers are simulated, none really runs)", agents.size(),
        options.runtime());
    Optional<HealthzServer> healthz = Optional.empty();
    if (options.healthzPort() > 0) {
      healthz = Optional.of(new HealthzServer(options.healthzBindAddress(), options.healthzPort(),
          () -> problem(agents), shared.tasks()));
    }
    return new AgentProcess(shared, List.copyOf(agents), healthz);
  }

  /** Each node's API identity: its kubeconfig, obtained by TLS bootstrap first when needed. */
  private static List<Config> identities(AgentOptions options, List<String> names, Clock clock)
      throws IOException, InterruptedException {
    TlsBootstrap bootstrap = new TlsBootstrap(clock, BOOTSTRAP_TIMEOUT);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_BOOTSTRAPS, names.size()));
    try {
      List<Future<Config>> futures = new ArrayList<>();
      for (String name : names) {
        futures.add(pool.submit(() -> {
          Path kubeconfig = options.kubeconfigOf(name);
          if (options.bootstrapKubeconfig().isPresent()) {
            bootstrap.loadClientCert(kubeconfig, options.bootstrapKubeconfig().get(), options.certDirOf(name), name);
          }
          return Kubeconfigs.read(kubeconfig);
        }));
      }
      List<Config> configs = new ArrayList<>();
      for (Future<Config> f : futures) {
        try {
          configs.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw new IllegalStateException("node identity: " + e.getCause().getMessage(), e.getCause());
        }
      }
      return configs;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Optional<String> problem(List<Agent> agents) {
    long registered = agents.stream().filter(Agent::registered).count();
    return registered == agents.size() ? Optional.empty()
        : Optional.of("nodes: " + registered + " of " + agents.size() + " registered");
  }

  public List<Agent> agents() {
    return agents;
  }

  public Optional<Integer> healthzPort() {
    return healthz.map(HealthzServer::port);
  }

  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  @Override
  public void close() {
    if (closed.getCount() == 0) {
      return;
    }
    healthz.ifPresent(HealthzServer::close);
    agents.forEach(Agent::close);
    shared.close();
    closed.countDown();
  }

  static String hostname() {
    String env = System.getenv("HOSTNAME");
    try {
      return env != null && !env.isBlank() ? env : InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /** The first non-loopback IPv4 address of an interface that is up, else 127.0.0.1. */
  static String hostIp() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
            return a.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
    return "127.0.0.1";
  }
}
