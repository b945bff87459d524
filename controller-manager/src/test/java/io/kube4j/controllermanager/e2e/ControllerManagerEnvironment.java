package io.kube4j.controllermanager.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.controllermanager.ControllerManager;
import io.kube4j.controllermanager.ControllerManagerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What each controller IT runs against: a real etcd and apiserver, one controller-manager (options
 * as kubeadm gives, tuned by the test), an admin client and the real kubectl; closed in reverse.
 */
final class ControllerManagerEnvironment implements AutoCloseable {

  final TestCluster cluster;
  final ControllerManager manager;
  final KubernetesClient admin;
  final Path dir;
  private Kubectl kubectl;

  private ControllerManagerEnvironment(TestCluster cluster, ControllerManager manager, Path dir) {
    this.cluster = cluster;
    this.manager = manager;
    this.admin = cluster.adminClient();
    this.dir = dir;
  }

  /** The full admission chain (ServiceAccount included: the controller-manager makes the accounts). */
  static ControllerManagerEnvironment start(String name) {
    return start(name, TestCluster::startWithFullAdmission, o -> o);
  }

  static ControllerManagerEnvironment start(String name, Supplier<TestCluster> clusters,
      UnaryOperator<ControllerManagerOptions> tune) {
    TestCluster cluster = clusters.get();
    try {
      Path dir = Files.createTempDirectory(name);
      ControllerManagerOptions options = tune.apply(ControllerManagerFixture.options(cluster, dir, "cm"));
      return new ControllerManagerEnvironment(cluster, ControllerManagerFixture.start(options, () -> { }), dir);
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** The real kubectl as the cluster admin (the test is skipped without it). */
  synchronized Kubectl kubectl() {
    if (kubectl == null) {
      Kubectl.assumeAvailable();
      try {
        kubectl = new Kubectl(cluster.adminKubeconfig(), Files.createDirectories(dir.resolve("kubectl")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return kubectl;
  }

  @Override
  public void close() {
    manager.close();
    admin.close();
    cluster.close();
  }
}
