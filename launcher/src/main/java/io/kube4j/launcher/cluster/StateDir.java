package io.kube4j.launcher.cluster;

import io.kube4j.pki.cert.PkiFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The state directory of one cluster, {@code $KUBE4J_HOME} (default {@code ~/.kube4j}). Everything
 * a cluster owns lives below it, so two clusters with different homes never share a file:
 *
 * <pre>
 * cluster.properties        ports chosen at the first up, reused after
 * admin.kubeconfig          kubectl's credentials (cluster-admin)
 * scheduler.kubeconfig      credentials of the scheduler and controller-manager
 * controller-manager.kubeconfig
 * bootstrap-kubelet.kubeconfig  the agent's bootstrap token (TLS bootstrap of each node's certificate)
 * agent/                    the agent's kubeconfig and, per node, its client certificate (agent/pki/NODE/)
 * users/NAME.kubeconfig     written by ./kube4j kubeconfig --user NAME
 * pki/                      CA, certificates, keys (see io.kube4j.pki.ClusterPki), scheduler-serving.crt/.key
 * etcd/                     etcd's data directory
 * lib/                      the jars Java components run from (copied from the build at up)
 * logs/COMPONENT.log        each component's stdout and stderr
 * run/COMPONENT.pid         pid of each running component
 * </pre>
 */
public record StateDir(Path home) {

  public static final String HOME_VARIABLE = "KUBE4J_HOME";

  public StateDir {
    home = home.toAbsolutePath().normalize();
  }

  /** {@code $KUBE4J_HOME}, else {@code $HOME/.kube4j} (as the shell's {@code ~}), else the JVM's user.home. */
  public static StateDir fromEnvironment(Map<String, String> env) {
    String configured = env.get(HOME_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return new StateDir(Path.of(configured));
    }
    String userHome = env.getOrDefault("HOME", System.getProperty("user.home"));
    return new StateDir(Path.of(userHome, ".kube4j"));
  }

  /** Creates the home (owner-only: it holds keys) and the directories components write into. */
  public void create() throws IOException {
    PkiFiles.ensureDirectory(home);
    Files.createDirectories(logs());
    Files.createDirectories(run());
  }

  public Path pki() {
    return home.resolve("pki");
  }

  public Path logs() {
    return home.resolve("logs");
  }

  public Path run() {
    return home.resolve("run");
  }

  public Path lib() {
    return home.resolve("lib");
  }

  /** The agent's directory: {@code kubelet.conf} for one node, {@code pki/<node>/} per node. */
  public Path agent() {
    return home.resolve("agent");
  }

  public Path bootstrapKubeconfig() {
    return kubeconfig("bootstrap-kubelet");
  }

  public Path etcdData() {
    return home.resolve("etcd");
  }

  public Path clusterProperties() {
    return home.resolve("cluster.properties");
  }

  public Path adminKubeconfig() {
    return kubeconfig("admin");
  }

  /** {@code NAME.kubeconfig} in the home: the credentials of a component or of the admin. */
  public Path kubeconfig(String name) {
    return home.resolve(name + ".kubeconfig");
  }

  public Path userKubeconfig(String user) {
    return home.resolve("users").resolve(user + ".kubeconfig");
  }

  public Path logFile(String component) {
    return logs().resolve(component + ".log");
  }

  public Path pidFile(String component) {
    return run().resolve(component + ".pid");
  }

  /** Held by {@code up} and {@code down} so two of them never race on one cluster. */
  public Path lockFile() {
    return run().resolve("launcher.lock");
  }
}
