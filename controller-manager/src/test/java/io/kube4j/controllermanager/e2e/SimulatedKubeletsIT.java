package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.TestCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test stand-in for scheduler and kubelets does what the workload controller ITs rely on. */
class SimulatedKubeletsIT {

  static final Duration TIMEOUT = Duration.ofSeconds(20);
  static TestCluster cluster;
  static KubernetesClient admin;
  static SimulatedKubelets kubelets;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start();
    admin = cluster.adminClient();
    kubelets = new SimulatedKubelets(admin, "sim", 2);
    kubelets.addNode("sim-tainted", List.of(new TaintBuilder().withKey("dedicated").withValue("x")
        .withEffect("NoSchedule").build()), Map.of());
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("t").endMetadata().build()).create();
  }

  @AfterAll
  static void stop() {
    if (kubelets != null) {
      kubelets.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  static Pod pod(String name) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("t").endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec().build();
  }

  Pod get(String name) {
    return admin.pods().inNamespace("t").withName(name).get();
  }

  @Test
  void anUnscheduledPodIsBoundToAnUntaintedNodeAndBecomesReady() {
    admin.pods().inNamespace("t").resource(pod("ready")).create();
    Conditions.await("ready Running and Ready", TIMEOUT, () -> {
      Pod p = get("ready");
      return "Running".equals(p.getStatus().getPhase()) && p.getStatus().getConditions().stream()
          .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    });
    Pod p = get("ready");
    assertThat(p.getSpec().getNodeName()).isIn("sim-0", "sim-1");
    assertThat(p.getStatus().getPodIP()).startsWith("10.244.");
    assertThat(p.getStatus().getContainerStatuses()).singleElement().satisfies(c -> assertThat(c.getReady()).isTrue());
  }

  @Test
  void behavioursDecideThePhaseAndCanChangeLater() {
    kubelets.behave(pod -> pod.getMetadata().getName().startsWith("fail") ? SimulatedKubelets.Behaviour.FAIL
        : SimulatedKubelets.Behaviour.NOT_READY);
    try {
      admin.pods().inNamespace("t").resource(pod("fail-1")).create();
      Pod waiting = admin.pods().inNamespace("t").resource(pod("waiting")).create();
      Conditions.await("fail-1 Failed", TIMEOUT, () -> "Failed".equals(get("fail-1").getStatus().getPhase()));
      Conditions.await("waiting Running", TIMEOUT, () -> "Running".equals(get("waiting").getStatus().getPhase()));
      assertThat(get("waiting").getStatus().getConditions()).anySatisfy(c -> {
        assertThat(c.getType()).isEqualTo("Ready");
        assertThat(c.getStatus()).isEqualTo("False");
      });
      kubelets.set(waiting, SimulatedKubelets.Behaviour.SUCCEED);
      Conditions.await("waiting Succeeded", TIMEOUT, () -> "Succeeded".equals(get("waiting").getStatus().getPhase()));
    } finally {
      kubelets.behave(pod -> SimulatedKubelets.Behaviour.READY);
    }
  }

  @Test
  void aGracefulDeleteIsFinishedLikeAKubeletDoes() {
    admin.pods().inNamespace("t").resource(pod("gone")).create();
    Conditions.await("gone Running", TIMEOUT, () -> "Running".equals(get("gone").getStatus().getPhase()));
    admin.pods().inNamespace("t").withName("gone").withGracePeriod(30).delete();
    Conditions.await("gone deleted", TIMEOUT, () -> get("gone") == null);
  }

  @Test
  void daemonSetStyleAffinityAndTaintsAreHonoured() {
    Pod pinned = new PodBuilder(pod("pinned")).editSpec().withNewAffinity().withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm().addNewMatchField()
        .withKey("metadata.name").withOperator("In").withValues("sim-tainted").endMatchField().endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity()
        .addNewToleration().withKey("dedicated").withOperator("Exists").endToleration().endSpec().build();
    admin.pods().inNamespace("t").resource(pinned).create();
    Conditions.await("pinned bound", TIMEOUT, () -> get("pinned").getSpec().getNodeName() != null);
    assertThat(get("pinned").getSpec().getNodeName()).isEqualTo("sim-tainted");
  }
}
