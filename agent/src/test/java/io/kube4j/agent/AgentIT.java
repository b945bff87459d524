package io.kube4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.agent.runtime.simulated.CrashLoopBackOff;
import io.kube4j.agent.runtime.simulated.SimulatedBehaviour;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.TestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Simulated nodes against a real etcd and apiserver with the full admission chain; each node acts
 * with its own {@code system:node:<name>} certificate, so the Node authorizer and NodeRestriction
 * apply to everything it writes.
 */
class AgentIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String NS = "agent-it";
  private static final String NODE = "sim-1";

  private static TestCluster cluster;
  private static KubernetesClient admin;
  private static AgentProcess agent;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.startWithFullAdmission();
    admin = cluster.adminClient();
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
    // no controller-manager here: the ServiceAccount admission plugin needs the default account
    admin.serviceAccounts().inNamespace(NS)
        .resource(new ServiceAccountBuilder().withNewMetadata().withName("default").endMetadata().build()).create();
    agent = AgentProcess.start(fastOptions(nodeKubeconfig(NODE), 1, NODE));
    Conditions.await("node registered", TIMEOUT, () -> agent.agents().get(0).registered());
  }

  @AfterAll
  static void stop() {
    if (agent != null) {
      agent.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** A kubeconfig with a certificate for {@code system:node:<name>} in {@code system:nodes}. */
  static Path nodeKubeconfig(String name) {
    return cluster.pki().kubeconfig(cluster.dir().resolve(name + ".kubeconfig"), cluster.url(),
        "system:node:" + name, List.of("system:nodes"));
  }

  static AgentOptions fastOptions(Path kubeconfig, int nodes, String name) {
    return AgentOptions.defaults(kubeconfig)
        .withNode(Optional.of(name), Map.of("example.com/pool", "sim"), List.of())
        .withTimings(Duration.ofMillis(500), Duration.ofMinutes(5), 4, Duration.ofMinutes(1))
        .withSimulated(new AgentOptions.Simulated(4000, 8L << 30, 50L << 30,
            new CrashLoopBackOff(Duration.ofMillis(200), Duration.ofSeconds(1))), 110)
        .withNodes(nodes, "sim")
        .withHealthz(0);
  }

  @Test
  void registersItsNodeWithCapacityLabelsAndReadyCondition() {
    Node node = admin.nodes().withName(NODE).get();
    assertThat(node.getMetadata().getLabels()).containsEntry("kubernetes.io/hostname", NODE)
        .containsEntry("kubernetes.io/os", "linux").containsKey("kubernetes.io/arch")
        .containsEntry("example.com/pool", "sim");
    assertThat(node.getStatus().getCapacity()).containsKeys("cpu", "memory", "ephemeral-storage", "pods");
    assertThat(node.getStatus().getCapacity().get("cpu").toString()).isEqualTo("4");
    assertThat(node.getStatus().getCapacity().get("memory").toString()).isEqualTo("8Gi");
    assertThat(node.getStatus().getNodeInfo().getKubeletVersion()).isEqualTo("v1.31.0-kube4j");
    assertThat(node.getStatus().getAddresses()).extracting(a -> a.getType()).containsExactly("InternalIP", "Hostname");
    assertThat(node.getStatus().getConditions()).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo("Ready");
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("KubeletReady");
      assertThat(c.getMessage()).isEqualTo("kubelet is posting ready status");
    });
  }

  @Test
  void renewsItsLeaseOwnedByTheNode() {
    Lease first = awaitLease();
    assertThat(first.getSpec().getHolderIdentity()).isEqualTo(NODE);
    assertThat(first.getSpec().getLeaseDurationSeconds()).isEqualTo(4);
    Conditions.await("lease renewed", TIMEOUT, () -> {
      Lease now = admin.leases().inNamespace("kube-node-lease").withName(NODE).get();
      return now.getSpec().getRenewTime().isAfter(first.getSpec().getRenewTime());
    });
    Lease renewed = admin.leases().inNamespace("kube-node-lease").withName(NODE).get();
    assertThat(renewed.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("Node"));
  }

  private static Lease awaitLease() {
    Conditions.await("lease exists", TIMEOUT,
        () -> admin.leases().inNamespace("kube-node-lease").withName(NODE).get() != null);
    return admin.leases().inNamespace("kube-node-lease").withName(NODE).get();
  }

  @Test
  void boundPodBecomesRunningAndReadyWithAnIpAndAllConditions() {
    Pod pod = create(pod("web", "Always", Map.of()).editSpec().addNewInitContainer().withName("init")
        .withImage("busybox").endInitContainer().endSpec().build());
    Pod running = awaitPod("web", p -> "Running".equals(phase(p)) && isTrue(p, "Ready"));
    assertThat(running.getStatus().getPodIP()).startsWith("10.88.0.");
    assertThat(running.getStatus().getPodIPs()).hasSize(1);
    assertThat(running.getStatus().getHostIP()).isNotEmpty();
    assertThat(running.getStatus().getStartTime()).isNotNull();
    for (String type : List.of("PodReadyToStartContainers", "Initialized", "ContainersReady", "Ready")) {
      assertThat(isTrue(running, type)).as(type).isTrue();
    }
    var c = running.getStatus().getContainerStatuses().get(0);
    assertThat(c.getReady()).isTrue();
    assertThat(c.getStarted()).isTrue();
    assertThat(c.getRestartCount()).isZero();
    assertThat(c.getContainerID()).startsWith("simulated://");
    assertThat(c.getImageID()).startsWith("docker.io/library/busybox@sha256:");
    assertThat(c.getState().getRunning()).isNotNull();
    assertThat(running.getStatus().getInitContainerStatuses().get(0).getState().getTerminated().getReason())
        .isEqualTo("Completed");
    assertThat(pod.getMetadata().getUid()).isEqualTo(running.getMetadata().getUid());
    // kubelet's events, written as the node: Pulled, Created, Started per container
    Conditions.await("Started events", TIMEOUT, () -> admin.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> "web".equals(e.getInvolvedObject().getName()) && "Started".equals(e.getReason())).count() == 2);
    assertThat(admin.v1().events().inNamespace(NS).list().getItems()).anySatisfy(e -> {
      assertThat(e.getReason()).isEqualTo("Started");
      assertThat(e.getMessage()).isEqualTo("Started container c");
      assertThat(e.getInvolvedObject().getFieldPath()).isEqualTo("spec.containers{c}");
      assertThat(e.getSource().getComponent()).isEqualTo("kubelet");
      assertThat(e.getSource().getHost()).isEqualTo(NODE);
    });
  }

  @Test
  void gracefulDeleteRemovesThePod() {
    create(pod("doomed", "Always", Map.of()));
    awaitPod("doomed", p -> "Running".equals(phase(p)));
    admin.pods().inNamespace(NS).withName("doomed").withGracePeriod(30).delete();
    Conditions.await("pod deleted by the agent", TIMEOUT,
        () -> admin.pods().inNamespace(NS).withName("doomed").get() == null);
  }

  @Test
  void exitOnDemandWithRestartNeverFails() {
    create(pod("fails", "Never", Map.of(SimulatedBehaviour.EXIT_CODE, "3")));
    Pod failed = awaitPod("fails", p -> "Failed".equals(phase(p)));
    var terminated = failed.getStatus().getContainerStatuses().get(0).getState().getTerminated();
    assertThat(terminated.getExitCode()).isEqualTo(3);
    assertThat(terminated.getReason()).isEqualTo("Error");
    assertThat(isTrue(failed, "Ready")).isFalse();
  }

  @Test
  void exitOnDemandWithExitCodeZeroSucceeds() {
    create(pod("job", "Never", Map.of(SimulatedBehaviour.EXIT_AFTER, "100ms")));
    Pod done = awaitPod("job", p -> "Succeeded".equals(phase(p)));
    assertThat(done.getStatus().getContainerStatuses().get(0).getState().getTerminated().getReason())
        .isEqualTo("Completed");
  }

  @Test
  void exitOnDemandWithRestartAlwaysRestartsAndCountsRestarts() {
    create(pod("crash", "Always", Map.of(SimulatedBehaviour.EXIT_CODE, "1", SimulatedBehaviour.EXIT_AFTER, "50ms")));
    Pod restarted = awaitPod("crash", p -> p.getStatus().getContainerStatuses() != null
        && !p.getStatus().getContainerStatuses().isEmpty()
        && p.getStatus().getContainerStatuses().get(0).getRestartCount() >= 2);
    assertThat(phase(restarted)).isEqualTo("Running");
    assertThat(restarted.getStatus().getContainerStatuses().get(0).getLastState().getTerminated().getExitCode())
        .isEqualTo(1);
  }

  @Test
  void rejectsAPodThatDoesNotFitWithOutOfcpu() {
    Pod big = pod("big", "Always", Map.of()).editSpec().editFirstContainer().withNewResources()
        .addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("5")).endResources().endContainer()
        .endSpec().build();
    create(big);
    Pod rejected = awaitPod("big", p -> "Failed".equals(phase(p)));
    assertThat(rejected.getStatus().getReason()).isEqualTo("OutOfcpu");
    assertThat(rejected.getStatus().getMessage())
        .startsWith("Pod was rejected: Node didn't have enough resource: cpu, requested: 5000, used: ")
        .endsWith("capacity: 4000");
  }

  @Test
  void fiftySimulatedNodesInOneProcessRegisterAndStayReady() throws Exception {
    for (int i = 1; i <= 50; i++) {
      nodeKubeconfigIn("fleet", "fleet-" + i);
    }
    AgentOptions options = fastOptions(cluster.dir().resolve("unused"), 50, "unused")
        .withNodes(50, "fleet").withBootstrap(null, cluster.dir().resolve("fleet"));
    try (AgentProcess fleet = AgentProcess.start(options)) {
      Conditions.await("50 nodes registered", Duration.ofSeconds(90),
          () -> fleet.agents().stream().allMatch(Agent::registered));
      Conditions.await("50 nodes Ready", Duration.ofSeconds(60), () -> admin.nodes().list().getItems().stream()
          .filter(n -> n.getMetadata().getName().startsWith("fleet-"))
          .filter(n -> n.getStatus().getConditions().stream()
              .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"))).count() == 50);
      Conditions.await("50 leases", TIMEOUT, () -> admin.leases().inNamespace("kube-node-lease").list().getItems()
          .stream().filter(l -> l.getMetadata().getName().startsWith("fleet-")).count() == 50);
    }
  }

  private static void nodeKubeconfigIn(String dir, String name) throws Exception {
    Path nodeDir = cluster.dir().resolve(dir).resolve(name);
    java.nio.file.Files.createDirectories(nodeDir);
    cluster.pki().kubeconfig(nodeDir.resolve("kubelet.conf"), cluster.url(), "system:node:" + name,
        List.of("system:nodes"));
  }

  static PodBuilder pod(String name, String restartPolicy, Map<String, String> annotations) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS).withAnnotations(annotations).endMetadata()
        .withNewSpec().withNodeName(NODE).withRestartPolicy(restartPolicy)
        .addNewContainer().withName("c").withImage("busybox").endContainer().endSpec();
  }

  private static Pod create(PodBuilder pod) {
    return create(pod.build());
  }

  private static Pod create(Pod pod) {
    return admin.pods().inNamespace(NS).resource(pod).create();
  }

  private static Pod awaitPod(String name, java.util.function.Predicate<Pod> condition) {
    Conditions.await("pod " + name, TIMEOUT, () -> {
      Pod p = admin.pods().inNamespace(NS).withName(name).get();
      return p != null && p.getStatus() != null && condition.test(p);
    });
    return admin.pods().inNamespace(NS).withName(name).get();
  }

  static String phase(Pod p) {
    return p.getStatus() == null ? null : p.getStatus().getPhase();
  }

  static boolean isTrue(Pod p, String type) {
    return p.getStatus().getConditions().stream()
        .anyMatch(c -> c.getType().equals(type) && "True".equals(c.getStatus()));
  }

  @SuppressWarnings("unused")
  private static Optional<PodCondition> condition(Pod p, String type) {
    return p.getStatus().getConditions().stream().filter(c -> c.getType().equals(type)).findFirst();
  }
}
