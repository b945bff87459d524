package io.kube4j.controllermanager.e2e;

import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.controllermanager.ControllerManager;
import io.kube4j.controllermanager.ControllerManagerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Starts in-process controller-managers against a {@link TestCluster}, as kubeadm configures them. */
final class ControllerManagerFixture {

  /**
   * Short leader-election timings so that a takeover happens within seconds, yet with room for a
   * renewal to be slow on a loaded 2-core machine (a 3 s lease was lost under a load of 15, a 6 s
   * one under a load of 20).
   */
  static final ControllerManagerOptions.LeaderElection FAST_ELECTION = new ControllerManagerOptions.LeaderElection(
      true, Duration.ofSeconds(10), Duration.ofSeconds(7), Duration.ofMillis(500));

  private ControllerManagerFixture() {}

  static ControllerManager start(TestCluster cluster, Path dir, String name, Runnable onLostLeadership) {
    return start(options(cluster, dir, name), onLostLeadership);
  }

  /** The options kubeadm would give, with fast leader election and a free health port. */
  static ControllerManagerOptions options(TestCluster cluster, Path dir, String name) {
    Path kubeconfig = cluster.pki().kubeconfig(dir.resolve(name + ".kubeconfig"), cluster.url(),
        "system:kube-controller-manager", List.of());
    return new ControllerManagerOptions(kubeconfig, List.of("*"), true, FAST_ELECTION,
        Optional.of(cluster.pki().caCert()), Optional.of(cluster.pki().caKey()), Duration.ofHours(8760),
        Optional.of(cluster.pki().caCert()), "127.0.0.1", 0, ControllerManagerOptions.NodeLifecycle.DEFAULT,
        ControllerManagerOptions.NodeIpam.DEFAULT, ControllerManagerOptions.PodGc.DEFAULT);
  }

  static ControllerManager start(ControllerManagerOptions options, Runnable onLostLeadership) {
    try {
      return ControllerManager.start(options, onLostLeadership);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
