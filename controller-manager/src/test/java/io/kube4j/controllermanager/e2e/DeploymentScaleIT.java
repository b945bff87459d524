package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.Conditions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The workload benchmark of issue 7: a Deployment of 3,000 replicas over 100 simulated nodes, from
 * creation to every pod Ready (time and pods per second), then a rolling update of all of them to a
 * new image (its duration, with the default 25% maxSurge and maxUnavailable). The whole control
 * plane runs in this JVM: etcd aside, apiserver, controller-manager, the simulated kubelets and the
 * test's own client share its CPUs, so the figures are an upper bound on what the controllers cost.
 *
 * <p>Tagged {@code benchmark}, which the default build leaves out. Run it with
 * {@code ./mvnw -o verify -pl controller-manager -Dsurefire.excludedGroups= -Dit.test=DeploymentScaleIT
 * -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false}, and {@code -Ddeployment.scale.replicas=N
 * -Ddeployment.scale.nodes=M} for another size.
 */
@Tag("benchmark")
class DeploymentScaleIT {

  static final int REPLICAS = Integer.getInteger("deployment.scale.replicas", 3_000);
  static final int NODES = Integer.getInteger("deployment.scale.nodes", 100);
  static final Duration TIMEOUT = Duration.ofMinutes(15);

  static ControllerManagerEnvironment env;
  static KubernetesClient admin;
  static SimulatedKubelets kubelets;

  @BeforeAll
  static void start() {
    env = ControllerManagerEnvironment.start("deployment-scale-it");
    admin = env.admin;
    kubelets = new SimulatedKubelets(admin, "node", NODES);
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("bench").endMetadata().build())
        .create();
    Conditions.await("default service account", Duration.ofSeconds(60),
        () -> admin.serviceAccounts().inNamespace("bench").withName("default").get() != null);
  }

  @AfterAll
  static void stop() {
    if (kubelets != null) {
      kubelets.close();
    }
    if (env != null) {
      env.close();
    }
  }

  static Deployment deployment() {
    return admin.apps().deployments().inNamespace("bench").withName("web").get();
  }

  static boolean rolledOut(int replicas) {
    Deployment d = deployment();
    var s = d.getStatus();
    return s != null && s.getObservedGeneration() != null && s.getObservedGeneration() >= d.getMetadata().getGeneration()
        && n(s.getReplicas()) == replicas && n(s.getUpdatedReplicas()) == replicas
        && n(s.getReadyReplicas()) == replicas && n(s.getAvailableReplicas()) == replicas;
  }

  static int n(Integer v) {
    return v == null ? 0 : v;
  }

  @Test
  void aDeploymentOfThousandsOfReplicasBecomesReadyAndRollsOver() {
    Deployment web = new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("bench").endMetadata()
        .withNewSpec().withReplicas(REPLICAS).withNewSelector().addToMatchLabels("app", "web").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec().addNewContainer()
        .withName("web").withImage("busybox").endContainer().endSpec().endTemplate().endSpec().build();

    long start = System.nanoTime();
    admin.apps().deployments().inNamespace("bench").resource(web).create();
    Conditions.await(REPLICAS + " replicas Ready", TIMEOUT, () -> rolledOut(REPLICAS));
    double toReady = (System.nanoTime() - start) / 1e9;

    long rollStart = System.nanoTime();
    admin.apps().deployments().inNamespace("bench").withName("web").edit(d -> new DeploymentBuilder(d).editSpec()
        .editTemplate().editSpec().editFirstContainer().withImage("busybox:1.36").endContainer().endSpec()
        .endTemplate().endSpec().build());
    Conditions.await("rolling update of " + REPLICAS, TIMEOUT, () -> rolledOut(REPLICAS)
        && admin.pods().inNamespace("bench").withLabel("app", "web").list().getItems().stream()
            .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
            .allMatch(p -> p.getSpec().getContainers().get(0).getImage().equals("busybox:1.36")));
    double rolling = (System.nanoTime() - rollStart) / 1e9;

    System.out.printf("deployment benchmark: %d replicas on %d nodes Ready in %.1f s (%.0f pods/s); "
        + "rolling update of all %d in %.1f s (%.0f pods/s replaced)%n", REPLICAS, NODES, toReady, REPLICAS / toReady,
        REPLICAS, rolling, REPLICAS / rolling);
    assertThat(admin.pods().inNamespace("bench").list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null).count()).isEqualTo(REPLICAS);
  }
}
