package io.kube4j.launcher.cluster;

import io.kube4j.launcher.cluster.Component.HealthCheck;
import java.net.URI;
import java.util.List;

/**
 * The components of a kube4j cluster, in start order (stopped in reverse), each declared in one
 * place with Kubernetes' own flag names. The apiserver's flags are those kubeadm gives
 * kube-apiserver, pointing into the state directory.
 */
public final class ControlPlane {

  public static final String ETCD = "etcd";
  public static final String API_SERVER = "apiserver";
  public static final String CONTROLLER_MANAGER = "controller-manager";
  public static final String SCHEDULER = "scheduler";
  public static final String AGENT = "agent";
  /**
   * The agent's heap: 200 simulated nodes hold about 100 MB of live objects, and a 512 MB cap keeps
   * the whole process (heap, one selector thread per node's client, metaspace) under 1 GiB of RSS.
   * {@code KUBE4J_JAVA_OPTS} still overrides it.
   */
  public static final List<String> AGENT_JVM_OPTIONS = List.of("-Xmx512m");
  /** Nodes are {@code kube4j-node-1}, {@code kube4j-node-2}, ... however many there are. */
  public static final String NODE_NAME_PREFIX = "kube4j-node";
  /** The scheduler's serving certificate in the pki directory ({@code scheduler-serving.crt}, {@code .key}). */
  public static final String SCHEDULER_SERVING = "scheduler-serving";

  /** The first address of the range is the ClusterIP of the {@code kubernetes} Service (in the serving certificate). */
  public static final String SERVICE_CLUSTER_IP_RANGE = "10.96.0.0/12";
  public static final String SERVICE_NODE_PORT_RANGE = "30000-32767";
  public static final String SERVICE_ACCOUNT_ISSUER = "https://kubernetes.default.svc.cluster.local";

  /** Components kube4j will have and does not have yet; reported by {@code up} and {@code status}. */
  public static final List<String> NOT_YET_AVAILABLE = List.of();

  private ControlPlane() {}

  /** Every component of the cluster in start order; a new component is one more entry here. */
  public static List<Component> components(StateDir state, ClusterConfig config, String advertiseAddress) {
    List<Component> components = new java.util.ArrayList<>(List.of(etcd(state, config),
        apiServer(state, config, advertiseAddress), controllerManager(state, config), scheduler(state, config)));
    if (config.nodes() > 0) {
      components.add(agent(state, config));
    }
    return List.copyOf(components);
  }

  static Component etcd(StateDir state, ClusterConfig config) {
    String client = "http://127.0.0.1:" + config.etcdClientPort();
    String peer = "http://127.0.0.1:" + config.etcdPeerPort();
    return Component.binary(ETCD, "etcd", List.of(
            "--name", "kube4j",
            "--data-dir", state.etcdData().toString(),
            "--listen-client-urls", client,
            "--advertise-client-urls", client,
            "--listen-peer-urls", peer,
            "--initial-advertise-peer-urls", peer,
            "--initial-cluster", "kube4j=" + peer,
            // etcd 3.4 defaults to the deprecated capnslog logger and warns about it at every start
            "--logger", "zap",
            "--log-outputs", "stderr"),
        config.etcdClientPort(),
        new HealthCheck(URI.create(client + "/health"), "\"health\":\"true\""));
  }

  static Component apiServer(StateDir state, ClusterConfig config, String advertiseAddress) {
    var pki = state.pki();
    return Component.java(API_SERVER, "io.kube4j.apiserver.ApiServerMain", List.of(
            "--etcd-servers=http://127.0.0.1:" + config.etcdClientPort(),
            "--secure-port=" + config.apiServerPort(),
            "--bind-address=0.0.0.0",
            "--advertise-address=" + advertiseAddress,
            "--tls-cert-file=" + pki.resolve("apiserver.crt"),
            "--tls-private-key-file=" + pki.resolve("apiserver.key"),
            "--client-ca-file=" + pki.resolve("ca.crt"),
            "--service-account-key-file=" + pki.resolve("sa.pub"),
            "--service-account-signing-key-file=" + pki.resolve("sa.key"),
            "--service-account-issuer=" + SERVICE_ACCOUNT_ISSUER,
            // as kubeadm does: a node joins with a bootstrap token and asks for its certificate
            "--enable-bootstrap-token-auth=true",
            "--service-cluster-ip-range=" + SERVICE_CLUSTER_IP_RANGE,
            "--service-node-port-range=" + SERVICE_NODE_PORT_RANGE),
        config.apiServerPort(),
        readyz(config.apiServerPort()));
  }

  /**
   * The controller-manager with the flags kubeadm gives kube-controller-manager: its own kubeconfig,
   * each controller as its own service account, the cluster CA to sign CSRs and to publish.
   */
  static Component controllerManager(StateDir state, ClusterConfig config) {
    var pki = state.pki();
    return Component.java(CONTROLLER_MANAGER, "io.kube4j.controllermanager.ControllerManagerMain", List.of(
            "--kubeconfig=" + state.kubeconfig(CONTROLLER_MANAGER),
            "--bind-address=127.0.0.1",
            "--secure-port=" + config.controllerManagerPort(),
            "--leader-elect=true",
            "--use-service-account-credentials=true",
            "--controllers=*",
            "--cluster-signing-cert-file=" + pki.resolve("ca.crt"),
            "--cluster-signing-key-file=" + pki.resolve("ca.key"),
            "--root-ca-file=" + pki.resolve("ca.crt")),
        config.controllerManagerPort(),
        new HealthCheck(URI.create("https://127.0.0.1:" + config.controllerManagerPort() + "/healthz"), "ok"));
  }

  /**
   * The scheduler with the flags kubeadm gives kube-scheduler: its own kubeconfig
   * ({@code system:kube-scheduler}), leader election, health on loopback; and a serving certificate
   * signed by the cluster CA (kubeadm leaves it self-signed) so that {@code status} can verify it.
   */
  static Component scheduler(StateDir state, ClusterConfig config) {
    var pki = state.pki();
    return Component.java(SCHEDULER, "io.kube4j.scheduler.SchedulerMain", List.of(
            "--kubeconfig=" + state.kubeconfig(SCHEDULER),
            "--bind-address=127.0.0.1",
            "--secure-port=" + config.schedulerPort(),
            "--tls-cert-file=" + pki.resolve(SCHEDULER_SERVING + ".crt"),
            "--tls-private-key-file=" + pki.resolve(SCHEDULER_SERVING + ".key"),
            "--leader-elect=true"),
        config.schedulerPort(),
        new HealthCheck(URI.create("https://127.0.0.1:" + config.schedulerPort() + "/healthz"), "ok"));
  }

  /**
   * The agent hosting {@code config.nodes()} simulated nodes named {@code kube4j-node-<i>}, each
   * joining with the bootstrap token as kubeadm's nodes do (TLS bootstrap). Its {@code /healthz}
   * says ok once every node is registered.
   */
  static Component agent(StateDir state, ClusterConfig config) {
    List<String> args = new java.util.ArrayList<>(List.of(
        "--kubeconfig=" + state.agent().resolve("kubelet.conf"),
        "--bootstrap-kubeconfig=" + state.bootstrapKubeconfig(),
        "--cert-dir=" + state.agent().resolve("pki"),
        "--runtime=simulated",
        "--nodes=" + config.nodes(),
        "--node-name-prefix=" + NODE_NAME_PREFIX,
        "--healthz-bind-address=127.0.0.1",
        "--healthz-port=" + config.agentHealthzPort()));
    if (config.nodes() == 1) {
      args.add("--hostname-override=" + NODE_NAME_PREFIX + "-1");
    }
    return new Component(AGENT, new Component.JavaMain("io.kube4j.agent.AgentMain", AGENT_JVM_OPTIONS), args,
        config.agentHealthzPort(),
        new HealthCheck(URI.create("http://127.0.0.1:" + config.agentHealthzPort() + "/healthz"), "ok"));
  }

  /** A Kubernetes component's {@code /readyz} over HTTPS on loopback: body {@code ok} when ready. */
  static HealthCheck readyz(int port) {
    return new HealthCheck(URI.create("https://127.0.0.1:" + port + "/readyz"), "ok");
  }

  /** The URL kubectl and the components use to reach the apiserver from this machine. */
  public static URI apiServerUrl(ClusterConfig config) {
    return URI.create("https://127.0.0.1:" + config.apiServerPort());
  }
}
