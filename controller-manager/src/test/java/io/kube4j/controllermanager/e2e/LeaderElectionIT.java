package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.controllermanager.ControllerManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two controller-managers, one Lease: only the holder runs controllers; when it stops, the other
 * takes the Lease once it expires and reconciles from then on.
 */
class LeaderElectionIT {

  static TestCluster cluster;
  static KubernetesClient admin;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start();
    admin = cluster.adminClient();
  }

  @AfterAll
  static void stop() {
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void onlyTheLeaseHolderReconcilesAndTheOtherTakesOverWhenItStops() throws IOException {
    Path dir = Files.createTempDirectory("leader-it");
    AtomicInteger lost = new AtomicInteger();
    ControllerManager first = ControllerManagerFixture.start(cluster, dir, "first", lost::incrementAndGet);
    Conditions.await("first leads", Duration.ofSeconds(15), first::isLeading);
    ControllerManager second = ControllerManagerFixture.start(cluster, dir, "second", lost::incrementAndGet);
    try {
      assertThat(holder()).isEqualTo(first.identity());
      createNamespace("while-first-leads");
      Conditions.await("first reconciles", Duration.ofSeconds(15), () -> hasDefaultServiceAccount("while-first-leads"));
      // the candidate retried many times meanwhile (every 500 ms) without starting a controller
      assertThat(second.isLeading()).isFalse();
      assertThat(second.loops()).isEmpty();

      first.close();

      Conditions.await("second leads", Duration.ofSeconds(30), second::isLeading);
      assertThat(holder()).isEqualTo(second.identity());
      assertThat(admin.resources(Lease.class).inNamespace("kube-system").withName("kube-controller-manager").get()
          .getSpec().getLeaseTransitions()).isEqualTo(1);
      createNamespace("after-takeover");
      Conditions.await("second reconciles", Duration.ofSeconds(15), () -> hasDefaultServiceAccount("after-takeover"));
      assertThat(lost.get()).as("closing is not losing").isZero();
    } finally {
      first.close();
      second.close();
    }
  }

  private static String holder() {
    Lease lease = admin.resources(Lease.class).inNamespace("kube-system").withName("kube-controller-manager").get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  private static void createNamespace(String name) {
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
  }

  private static boolean hasDefaultServiceAccount(String namespace) {
    return admin.serviceAccounts().inNamespace(namespace).withName("default").get() != null;
  }
}
