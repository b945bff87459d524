package io.kube4j.launcher.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;

/**
 * The ports of one cluster, recorded in {@code cluster.properties} at the first {@code up} and
 * reused afterwards, so the kubeconfig, the etcd endpoint and the apiserver flags stay stable
 * across restarts. The apiserver port is the user's choice ({@code --port}, default 6443); etcd's
 * client and peer ports are picked free, because a fixed 2379/2380 would let only one cluster run; so
 * are the controller-manager's and the scheduler's health ports (10257 and 10259 upstream), and the
 * agent's healthz port (10248 upstream). {@code nodes} is how many simulated nodes the agent hosts
 * ({@code up --nodes N}, default 1; 0: no agent).
 */
public record ClusterConfig(int apiServerPort, int etcdClientPort, int etcdPeerPort, int controllerManagerPort,
    int schedulerPort, int agentHealthzPort, int nodes) {

  /** The nodes of a cluster whose {@code up} never said {@code --nodes}. */
  public static final int DEFAULT_NODES = 1;

  /** A configuration without an agent port yet ({@link #resolve} picks one) and one node. */
  public ClusterConfig(int apiServerPort, int etcdClientPort, int etcdPeerPort, int controllerManagerPort,
      int schedulerPort) {
    this(apiServerPort, etcdClientPort, etcdPeerPort, controllerManagerPort, schedulerPort, UNRECORDED, DEFAULT_NODES);
  }

  /** The apiserver's port in kubeadm clusters. */
  public static final int DEFAULT_API_SERVER_PORT = 6443;

  static final String API_SERVER_PORT = "apiserver.secure-port";
  static final String ETCD_CLIENT_PORT = "etcd.client-port";
  static final String ETCD_PEER_PORT = "etcd.peer-port";
  static final String CONTROLLER_MANAGER_PORT = "controller-manager.secure-port";
  static final String SCHEDULER_PORT = "scheduler.secure-port";
  static final String AGENT_HEALTHZ_PORT = "agent.healthz-port";
  static final String NODES = "agent.nodes";
  /** A recorded port that an older kube4j did not record yet: {@link #resolve} picks one. */
  static final int UNRECORDED = 0;

  public static Optional<ClusterConfig> load(StateDir state) throws IOException {
    Path file = state.clusterProperties();
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    try {
      int controllerManager = properties.containsKey(CONTROLLER_MANAGER_PORT)
          ? port(properties, CONTROLLER_MANAGER_PORT) : UNRECORDED;
      int scheduler = properties.containsKey(SCHEDULER_PORT) ? port(properties, SCHEDULER_PORT) : UNRECORDED;
      int agent = properties.containsKey(AGENT_HEALTHZ_PORT) ? port(properties, AGENT_HEALTHZ_PORT) : UNRECORDED;
      return Optional.of(new ClusterConfig(port(properties, API_SERVER_PORT), port(properties, ETCD_CLIENT_PORT),
          port(properties, ETCD_PEER_PORT), controllerManager, scheduler, agent, nodes(properties)));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The configuration for this {@code up}: the recorded one, with the apiserver port replaced when
   * {@code requestedPort} is given; on the first {@code up}, fresh etcd ports.
   */
  public static ClusterConfig resolve(Optional<ClusterConfig> recorded, OptionalInt requestedPort, PortAllocator ports) {
    if (recorded.isPresent()) {
      ClusterConfig config = recorded.get();
      int apiServerPort = requestedPort.orElse(config.apiServerPort);
      int controllerManager = config.controllerManagerPort != UNRECORDED ? config.controllerManagerPort
          : ports.pick(Set.of(apiServerPort, config.etcdClientPort, config.etcdPeerPort, config.schedulerPort));
      int scheduler = config.schedulerPort != UNRECORDED ? config.schedulerPort
          : ports.pick(Set.of(apiServerPort, config.etcdClientPort, config.etcdPeerPort, controllerManager));
      int agent = config.agentHealthzPort != UNRECORDED ? config.agentHealthzPort
          : ports.pick(Set.of(apiServerPort, config.etcdClientPort, config.etcdPeerPort, controllerManager, scheduler));
      return new ClusterConfig(apiServerPort, config.etcdClientPort, config.etcdPeerPort, controllerManager, scheduler,
          agent, config.nodes);
    }
    int apiServerPort = requestedPort.orElse(DEFAULT_API_SERVER_PORT);
    int client = ports.pick(Set.of(apiServerPort));
    int peer = ports.pick(Set.of(apiServerPort, client));
    int controllerManager = ports.pick(Set.of(apiServerPort, client, peer));
    int scheduler = ports.pick(Set.of(apiServerPort, client, peer, controllerManager));
    int agent = ports.pick(Set.of(apiServerPort, client, peer, controllerManager, scheduler));
    return new ClusterConfig(apiServerPort, client, peer, controllerManager, scheduler, agent, DEFAULT_NODES);
  }

  /** The same cluster with {@code count} simulated nodes. */
  public ClusterConfig withNodes(int count) {
    return new ClusterConfig(apiServerPort, etcdClientPort, etcdPeerPort, controllerManagerPort, schedulerPort,
        agentHealthzPort, count);
  }

  /** The same cluster with new etcd ports, for when a recorded one has been taken meanwhile. */
  public ClusterConfig withFreshEtcdPorts(PortAllocator ports) {
    int client = ports.pick(Set.of(apiServerPort, controllerManagerPort, schedulerPort, agentHealthzPort));
    int peer = ports.pick(Set.of(apiServerPort, controllerManagerPort, schedulerPort, agentHealthzPort, client));
    return new ClusterConfig(apiServerPort, client, peer, controllerManagerPort, schedulerPort, agentHealthzPort,
        nodes);
  }

  public void save(StateDir state) throws IOException {
    Properties properties = new Properties();
    properties.setProperty(API_SERVER_PORT, Integer.toString(apiServerPort));
    properties.setProperty(ETCD_CLIENT_PORT, Integer.toString(etcdClientPort));
    properties.setProperty(ETCD_PEER_PORT, Integer.toString(etcdPeerPort));
    properties.setProperty(CONTROLLER_MANAGER_PORT, Integer.toString(controllerManagerPort));
    properties.setProperty(SCHEDULER_PORT, Integer.toString(schedulerPort));
    if (agentHealthzPort != UNRECORDED) {
      properties.setProperty(AGENT_HEALTHZ_PORT, Integer.toString(agentHealthzPort));
    }
    properties.setProperty(NODES, Integer.toString(nodes));
    StringWriter text = new StringWriter();
    properties.store(text, "kube4j cluster: ports chosen at the first ./kube4j up (edit only while the cluster is down)");
    Files.writeString(state.clusterProperties(), text.toString());
  }

  private static int nodes(Properties properties) {
    String value = properties.getProperty(NODES, Integer.toString(DEFAULT_NODES)).trim();
    try {
      int n = Integer.parseInt(value);
      if (n < 0) {
        throw new IllegalArgumentException(NODES + " must not be negative: " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(NODES + " is not a number: " + value, e);
    }
  }

  private static int port(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("missing " + key);
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(key + " is not a port: " + value);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a port: " + value, e);
    }
  }
}
