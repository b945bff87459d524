package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.controllermanager.ControllerManagerOptions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pod garbage collector: finished pods beyond the threshold, and pods of nodes that do not exist. */
class PodGcIT {

  static final Duration QUARANTINE = Duration.ofSeconds(1);

  static ControllerManagerEnvironment env;
  static KubernetesClient admin;

  @BeforeAll
  static void start() {
    env = ControllerManagerEnvironment.start("podgc-it", TestCluster::start,
        o -> o.withPodGc(new ControllerManagerOptions.PodGc(2, Duration.ofMillis(300), QUARANTINE)));
    admin = env.admin;
    admin.nodes().resource(new NodeBuilder().withNewMetadata().withName("n1").endMetadata().build()).create();
  }

  @AfterAll
  static void stop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void onlyTheNewestFinishedPodsUpToTheThresholdAreKept() {
    for (int i = 0; i < 4; i++) {
      pod("done-" + i, "n1", "Succeeded");
    }
    pod("running", "n1", "Running");

    Conditions.await("two finished pods collected", Duration.ofSeconds(10),
        () -> !exists("done-0") && !exists("done-1"));
    assertThat(exists("done-2")).isTrue();
    assertThat(exists("done-3")).isTrue();
    assertThat(exists("running")).isTrue();
  }

  @Test
  void podsOfANodeThatNeverAppearsAreDeletedAfterTheQuarantine() {
    Instant created = Instant.now();
    pod("orphan", "ghost", "Running");

    Conditions.await("the orphan collected", Duration.ofSeconds(10), () -> !exists("orphan"));
    assertThat(Duration.between(created, Instant.now())).isGreaterThanOrEqualTo(QUARANTINE);
  }

  private static void pod(String name, String node, String phase) {
    admin.pods().resource(new PodBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withNewSpec().withNodeName(node).addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
        .build()).create();
    admin.pods().inNamespace("default").withName(name).editStatus(p -> {
      p.getStatus().setPhase(phase);
      return p;
    });
  }

  private static boolean exists(String name) {
    return admin.pods().inNamespace("default").withName(name).get() != null;
  }
}
