package io.kube4j.launcher;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.componentbase.client.Kubeconfigs;
import io.kube4j.launcher.cluster.BootstrapToken;
import io.kube4j.launcher.cluster.ClusterConfig;
import io.kube4j.launcher.cluster.Component;
import io.kube4j.launcher.cluster.ControlPlane;
import io.kube4j.launcher.cluster.NodeBootstrapPolicy;
import io.kube4j.launcher.cluster.PortAllocator;
import io.kube4j.launcher.host.Executables;
import io.kube4j.launcher.host.Prerequisites;
import io.kube4j.launcher.host.Prerequisites.Requirement;
import io.kube4j.launcher.process.HealthProbe;
import io.kube4j.launcher.process.ProcessControl;
import io.kube4j.launcher.process.ProcessControl.Started;
import io.kube4j.pki.ClusterPki;
import io.kube4j.pki.ClusterPkiOptions;
import io.kube4j.pki.cert.AltNames;
import io.kube4j.pki.cert.CertConfig;
import io.kube4j.pki.cert.KeyAlgorithm;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./kube4j up}: what {@code kubeadm init} does for one machine, then waits until the
 * cluster answers. Installs or names missing host programs, creates the PKI, starts each component
 * in order and waits for its health URL, writes the admin kubeconfig. Components keep running
 * after this command returns; {@code ./kube4j down} stops them.
 */
@Command(name = "up", description = "Start the cluster (etcd, apiserver) in the background and wait until it is ready.")
final class UpCommand implements Callable<Integer> {

  enum NodeRuntime { containerd, simulated }

  /** etcd answers /health within a second or two; a JVM on a busy two-core machine needs longer. */
  private static final Duration ETCD_READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration JAVA_READY_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration AGENT_READY_PER_NODE = Duration.ofSeconds(1);
  private static final int LOG_LINES_ON_FAILURE = 30;

  @Spec CommandSpec spec;

  @Option(names = "--nodes", paramLabel = "N",
      description = "Number of nodes the agent hosts, kube4j-node-1..N (default: as recorded, else 1; 0: no agent).")
  Integer nodes;

  @Option(names = "--runtime", paramLabel = "RUNTIME",
      description = "Container runtime of the nodes: ${COMPLETION-CANDIDATES} (only simulated is built yet).")
  NodeRuntime runtime;

  @Option(names = "--port", paramLabel = "P",
      description = "The apiserver's HTTPS port (default: the port recorded in $KUBE4J_HOME, else 6443).")
  Integer port;

  private final LocalCluster cluster;
  private PrintWriter out;
  private int nodeCount;

  UpCommand(LocalCluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    if (port != null && (port < 1 || port > 65535)) {
      return fail("--port must be between 1 and 65535, got " + port);
    }
    if (nodes != null && nodes < 0) {
      return fail("--nodes must not be negative, got " + nodes);
    }
    if (!installPrerequisites()) {
      return 1;
    }
    say("kube4j home: " + cluster.state().home());
    return cluster.whileLocked(this::up);
  }

  private int up() throws IOException {
    Optional<ClusterConfig> recorded = cluster.config();
    ClusterConfig config = ClusterConfig.resolve(recorded, port == null ? OptionalInt.empty() : OptionalInt.of(port),
        PortAllocator.system());
    if (nodes != null) {
      config = config.withNodes(nodes);
    }
    if (recorded.isPresent() && recorded.get().nodes() != config.nodes()
        && cluster.processes().runningPid(ControlPlane.AGENT).isPresent()) {
      cluster.processes().stop(ControlPlane.AGENT, DownCommand.GRACE);
      say("agent: stopped, to start again with " + config.nodes() + " node(s) instead of " + recorded.get().nodes());
    }
    nodeCount = config.nodes();
    List<Component> components = cluster.components(config);
    OptionalLong apiServerPid = cluster.processes().runningPid(ControlPlane.API_SERVER);
    if (recorded.isPresent() && apiServerPid.isPresent() && config.apiServerPort() != recorded.get().apiServerPort()) {
      return fail("the apiserver is running on port " + recorded.get().apiServerPort()
          + "; run ./kube4j down before changing --port");
    }
    if (components.stream().allMatch(c -> cluster.processes().runningPid(c.name()).isPresent())) {
      say("kube4j is already running (" + pids(components) + ")");
      printUsage();
      return 0;
    }
    Optional<String> unbuilt = missingMainClass(components);
    if (unbuilt.isPresent()) {
      return fail(unbuilt.get());
    }
    if (cluster.processes().runningPid(ControlPlane.ETCD).isEmpty() && apiServerPid.isEmpty()
        && !(PortAllocator.isFree(config.etcdClientPort()) && PortAllocator.isFree(config.etcdPeerPort()))) {
      ClusterConfig moved = config.withFreshEtcdPorts(PortAllocator.system());
      say("etcd: recorded ports " + config.etcdClientPort() + "/" + config.etcdPeerPort()
          + " are taken by another program; moving to " + moved.etcdClientPort() + "/" + moved.etcdPeerPort());
      config = moved;
      components = cluster.components(config);
    }
    Optional<String> problem = preflight(components);
    if (problem.isPresent()) {
      return fail(problem.get());
    }
    config.save(cluster.state());

    ClusterPki pki = ensurePki();
    writeKubeconfigs(pki, config);

    HealthProbe probe = cluster.healthProbe();
    ProcessControl starter = cluster.processesFromSnapshot();
    for (Component component : components) {
      if (component.name().equals(ControlPlane.AGENT) && !prepareNodeJoin(pki, config)) {
        return 1;
      }
      if (!start(component, starter, probe)) {
        return 1;
      }
    }
    if (config.nodes() == 0 && !prepareNodeJoin(pki, config)) {
      return 1;
    }
    if (!ControlPlane.NOT_YET_AVAILABLE.isEmpty()) {
      say("not yet available: " + String.join(", ", ControlPlane.NOT_YET_AVAILABLE));
    }
    reportNodes(config);
    out.println();
    say("kube4j is up.");
    printUsage();
    return 0;
  }

  private boolean installPrerequisites() throws IOException, InterruptedException {
    Prerequisites prerequisites = new Prerequisites(cluster.env());
    List<Requirement> missing = prerequisites.missing(Prerequisites.CONTROL_PLANE);
    if (missing.isEmpty()) {
      return true;
    }
    if (Prerequisites.canInstall()) {
      out.flush();
      if (Prerequisites.install(missing, System.out) && prerequisites.missing(Prerequisites.CONTROL_PLANE).isEmpty()) {
        say("note: Debian's etcd-server package also starts a system etcd on port 2379; kube4j runs its own"
            + " (stop the system one with: systemctl disable --now etcd)");
        return true;
      }
      error("apt-get could not install " + packages(missing));
      return false;
    }
    PrintWriter err = spec.commandLine().getErr();
    Prerequisites.howToInstall(missing, Prerequisites.isDebianFamily()).forEach(line -> err.println("kube4j: " + line));
    err.flush();
    return false;
  }

  private ClusterPki ensurePki() throws IOException {
    ClusterPkiOptions options = ClusterPkiOptions.defaults();
    if (!cluster.advertiseAddress().equals("127.0.0.1")) {
      options = options.withExtraApiServerNames(
          new AltNames(List.of(), List.of(ClusterPkiOptions.literal(cluster.advertiseAddress()))));
    }
    ClusterPki pki = ClusterPki.ensure(cluster.state().pki(), options);
    List<String> created = pki.generated().stream().filter(g -> g.reason().equals("new"))
        .map(ClusterPki.Generated::name).toList();
    if (!created.isEmpty()) {
      say("pki: created " + String.join(", ", created) + " in " + pki.dir());
    }
    pki.generated().stream().filter(g -> !g.reason().equals("new"))
        .forEach(g -> say("pki: reissued " + g.name() + " (" + g.reason() + ")"));
    if (pki.generated().isEmpty()) {
      say("pki: reusing the certificates in " + pki.dir());
    }
    return pki;
  }

  private void writeKubeconfigs(ClusterPki pki, ClusterConfig config) throws IOException {
    var server = ControlPlane.apiServerUrl(config);
    pki.kubeconfig(server, pki.read(ClusterPki.ADMIN), "admin", ClusterPki.CLUSTER_NAME)
        .write(cluster.state().adminKubeconfig());
    for (String component : List.of(ClusterPki.SCHEDULER, ClusterPki.CONTROLLER_MANAGER)) {
      pki.kubeconfig(server, pki.read(component), component, ClusterPki.CLUSTER_NAME)
          .write(cluster.state().kubeconfig(component));
    }
    writeSchedulerServingCertificate(pki);
  }

  /**
   * The scheduler's serving certificate for 127.0.0.1 and localhost, signed by the cluster CA, made
   * once (kube-scheduler would otherwise serve a self-signed one that {@code status} cannot verify).
   */
  private void writeSchedulerServingCertificate(ClusterPki pki) throws IOException {
    Path crt = pki.dir().resolve(ControlPlane.SCHEDULER_SERVING + ".crt");
    Path key = pki.dir().resolve(ControlPlane.SCHEDULER_SERVING + ".key");
    if (Files.exists(crt) && Files.exists(key)) {
      return;
    }
    AltNames names = new AltNames(List.of("localhost"),
        List.of(InetAddress.getLoopbackAddress()));
    pki.ca().issue(CertConfig.server("kube-scheduler", names),
        KeyAlgorithm.ECDSA_P256).write(crt, key);
  }

  /** Starts {@code component} unless it runs already, and waits until its health URL says ready. */
  private boolean start(Component component, ProcessControl starter, HealthProbe probe) throws IOException {
    OptionalLong running = cluster.processes().runningPid(component.name());
    if (running.isPresent()) {
      say(component.name() + ": already running (pid " + running.getAsLong() + ")");
      return true;
    }
    say(component.name() + ": starting on port " + component.port() + " (log: " + cluster.state().logFile(component.name()) + ")");
    Started started = starter.start(component);
    Duration timeout = component.program() instanceof Component.JavaMain ? JAVA_READY_TIMEOUT : ETCD_READY_TIMEOUT;
    if (component.name().equals(ControlPlane.AGENT)) {
      timeout = timeout.plus(AGENT_READY_PER_NODE.multipliedBy(nodeCount));  // each node joins and registers
    }
    HealthProbe.Result result = probe.await(component.health(), timeout, started.process()::isAlive);
    if (result.healthy()) {
      say(component.name() + ": ready (pid " + started.pid() + ", " + component.health().url() + " says " + result.detail() + ")");
      return true;
    }
    error(component.name() + ": not ready: " + result.detail());
    printLogTail(component.name());
    PrintWriter err = spec.commandLine().getErr();
    err.println("kube4j: see ./kube4j logs " + component.name() + "; ./kube4j down stops what was started");
    err.flush();
    return false;
  }

  /** Checks, before anything starts, that every component that is not running yet can start. */
  private Optional<String> preflight(List<Component> components) {
    for (Component component : components) {
      if (cluster.processes().runningPid(component.name()).isPresent()) {
        continue;
      }
      if (component.program() instanceof Component.Binary binary
          && Executables.find(binary.command(), cluster.path()).isEmpty()) {
        return Optional.of(component.name() + ": " + binary.command() + " is not on PATH");
      }
      if (!PortAllocator.isFree(component.port())) {
        return Optional.of(component.name() + ": port " + component.port() + " is already in use by another program"
            + (component.name().equals(ControlPlane.API_SERVER) ? "; choose another with --port" : ""));
      }
    }
    return Optional.empty();
  }

  private Optional<String> missingMainClass(List<Component> components) {
    for (Component component : components) {
      if (component.program() instanceof Component.JavaMain main) {
        try {
          Class.forName(main.mainClass(), false, UpCommand.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          return Optional.of(component.name() + ": " + main.mainClass() + " is not in this build (not yet available)");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * kubeadm's bootstrap-token phase: RBAC so that a node can join with a bootstrap token, and a
   * token for the agent in {@code bootstrap-kubelet.kubeconfig}.
   */
  private boolean prepareNodeJoin(ClusterPki pki, ClusterConfig config) throws IOException {
    try (KubernetesClient admin = new KubernetesClientBuilder()
        .withConfig(Kubeconfigs.read(cluster.state().adminKubeconfig())).build()) {
      List<String> created = NodeBootstrapPolicy.ensure(admin);
      say("rbac: nodes may join with a bootstrap token" + (created.isEmpty() ? "" : " (created "
          + String.join(", ", created) + ")"));
      if (config.nodes() > 0) {
        BootstrapToken token = BootstrapToken.ensure(admin, cluster.state().bootstrapKubeconfig(),
            ControlPlane.apiServerUrl(config), Files.readString(pki.caCertificateFile()), java.time.Clock.systemUTC());
        say("agent: bootstrap token " + token.id() + ".<secret> in " + cluster.state().bootstrapKubeconfig());
        say("agent: containers are simulated (--runtime simulated): the containerd runtime is not built yet"
            + (runtime == NodeRuntime.containerd ? "; --runtime containerd is noted but not available" : ""));
      }
      return true;
    } catch (IOException | KubernetesClientException e) {
      error("cannot set up the node bootstrap RBAC: " + e.getMessage());
      return false;
    }
  }

  private void reportNodes(ClusterConfig config) {
    if (config.nodes() == 0) {
      say("nodes: none (--nodes 0): no agent runs");
      return;
    }
    String last = ControlPlane.NODE_NAME_PREFIX + "-" + config.nodes();
    say("nodes: " + (config.nodes() == 1 ? last : ControlPlane.NODE_NAME_PREFIX + "-1 .. " + last)
        + " registered, simulated (pods go Running without containers; see kubectl get nodes)");
  }

  private void printLogTail(String component) {
    Path log = cluster.state().logFile(component);
    PrintWriter err = spec.commandLine().getErr();
    try (Stream<String> lines = Files.lines(log)) {
      List<String> all = lines.toList();
      err.println("---- last lines of " + log + " ----");
      all.subList(Math.max(0, all.size() - LOG_LINES_ON_FAILURE), all.size()).forEach(err::println);
      err.println("----");
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println("(no log at " + log + ")");
    }
    err.flush();
  }

  private void printUsage() {
    say("To use it:");
    out.println("  export KUBECONFIG=" + cluster.state().adminKubeconfig());
    out.println("  kubectl get ns");
    out.flush();
  }

  private String pids(List<Component> components) {
    List<String> pids = new ArrayList<>();
    for (Component component : components) {
      cluster.processes().runningPid(component.name()).ifPresent(pid -> pids.add(component.name() + " pid " + pid));
    }
    return String.join(", ", pids);
  }

  private static String packages(List<Requirement> requirements) {
    return String.join(" ", requirements.stream().map(Requirement::debianPackage).toList());
  }

  private void say(String line) {
    out.println(line);
    out.flush();
  }

  private int fail(String message) {
    error(message);
    return 1;
  }

  private void error(String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("kube4j: " + message);
    err.flush();
  }
}
