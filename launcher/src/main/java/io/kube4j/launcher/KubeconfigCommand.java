package io.kube4j.launcher;

import io.kube4j.launcher.cluster.ClusterConfig;
import io.kube4j.launcher.cluster.ControlPlane;
import io.kube4j.pki.ClusterPki;
import io.kube4j.pki.ClusterPkiOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./kube4j kubeconfig --user NAME [--group G]... [--out FILE]}: a kubeconfig with a new
 * client certificate signed by the cluster CA (user = CN, each group = one O), as
 * {@code kubeadm kubeconfig user} writes. What the user may do is then up to RBAC.
 */
@Command(name = "kubeconfig", description = "Write a kubeconfig with a new client certificate for a user; prints its path.")
final class KubeconfigCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--user", required = true, paramLabel = "NAME", description = "User name (the certificate's CN).")
  String user;

  @Option(names = "--group", paramLabel = "G", description = "A group of the user (the certificate's O); repeatable.")
  List<String> groups = List.of();

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write it (default: $KUBE4J_HOME/users/NAME.kubeconfig).")
  Path out;

  private final LocalCluster cluster;

  KubeconfigCommand(LocalCluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (user.isBlank()) {
      err.println("kube4j: --user must not be empty");
      err.flush();
      return 1;
    }
    Optional<ClusterConfig> config = cluster.config();
    if (config.isEmpty()) {
      err.println("kube4j: no cluster in " + cluster.state().home() + "; run ./kube4j up first");
      err.flush();
      return 1;
    }
    ClusterPki pki = ClusterPki.open(cluster.state().pki(), ClusterPkiOptions.defaults());
    Path file = out != null ? out.toAbsolutePath() : cluster.state().userKubeconfig(user);
    pki.kubeconfig(ControlPlane.apiServerUrl(config.get()), pki.issueClient(user, groups), user,
            user + "@" + ClusterPki.CLUSTER_NAME)
        .write(file);
    spec.commandLine().getOut().println(file);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
