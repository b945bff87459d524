package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DaemonSet controller against a real apiserver, with {@link SimulatedKubelets} standing in for
 * scheduler and kubelets and the real kubectl: one pod per eligible node (taints, tolerations, a
 * node joining), a rolling update that never has more than maxUnavailable nodes without a ready
 * pod, OnDelete, a failed pod replaced, history and undo. Each test has its own namespace and its
 * own nodes (labelled {@code group=<namespace>}, which its DaemonSet selects).
 */
class DaemonSetControllerIT {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static ControllerManagerEnvironment env;
  static SimulatedKubelets kubelets;

  @BeforeAll
  static void start() {
    env = ControllerManagerEnvironment.start("daemonset-it");
    kubelets = new SimulatedKubelets(env.admin, "unused", 0);
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

  @Test
  void runsOnePodPerUntaintedNodeAndOnTheTaintedOneOnceTolerated() {
    Kubectl kubectl = env.kubectl();
    String ns = group("taints", 4);
    kubelets.addNode("taints-tainted", List.of(new TaintBuilder().withKey("dedicated").withValue("x")
        .withEffect("NoSchedule").build()), Map.of("group", ns));
    apply(kubectl, ns, "RollingUpdate", "");
    awaitReadyPods(ns, 4);
    List<Pod> pods = pods(ns);
    assertThat(pods).extracting(p -> p.getSpec().getNodeName()).doesNotHaveDuplicates()
        .doesNotContain("taints-tainted");
    Pod pod = pods.get(0);
    assertThat(pod.getMetadata().getName()).startsWith("agent-");
    assertThat(pod.getMetadata().getLabels()).containsKey("controller-revision-hash")
        .containsEntry("pod-template-generation", "1");
    assertThat(pod.getSpec().getTolerations()).extracting(t -> t.getKey() + ":" + t.getEffect())
        .contains("node.kubernetes.io/not-ready:NoExecute", "node.kubernetes.io/unreachable:NoExecute",
            "node.kubernetes.io/disk-pressure:NoSchedule", "node.kubernetes.io/memory-pressure:NoSchedule",
            "node.kubernetes.io/pid-pressure:NoSchedule", "node.kubernetes.io/unschedulable:NoSchedule");
    var term = pod.getSpec().getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms();
    assertThat(term).singleElement().satisfies(t -> assertThat(t.getMatchFields()).singleElement().satisfies(f -> {
      assertThat(f.getKey()).isEqualTo("metadata.name");
      assertThat(f.getValues()).containsExactly(pod.getSpec().getNodeName());
    }));
    Conditions.await("status counts 4 desired, 4 available", TIMEOUT, () -> {
      var s = ds(ns).getStatus();
      return s != null && Objects.equals(s.getDesiredNumberScheduled(), 4) && Objects.equals(s.getNumberAvailable(), 4)
          && Objects.equals(s.getUpdatedNumberScheduled(), 4);
    });
    assertThat(ds(ns).getStatus().getNumberMisscheduled()).isZero();
    assertThat(ds(ns).getStatus().getNumberUnavailable()).isZero();
    assertThat(events(ns)).anyMatch(e -> e.startsWith("SuccessfulCreate Created pod: agent-"));

    kubectl.run("patch", "ds", "agent", "-n", ns, "-p",
        "{\"spec\":{\"template\":{\"spec\":{\"tolerations\":[{\"key\":\"dedicated\",\"operator\":\"Exists\"}]}}}}")
        .assertOk();
    assertThat(kubectl.run("rollout", "status", "ds/agent", "-n", ns, "--timeout=60s").assertOk().out())
        .contains("daemon set \"agent\" successfully rolled out");
    awaitReadyPods(ns, 5);
    assertThat(pods(ns)).extracting(p -> p.getSpec().getNodeName()).contains("taints-tainted").doesNotHaveDuplicates();
    assertThat(kubectl.run("get", "ds", "agent", "-n", ns).assertOk().out()).contains("agent").contains("5");
  }

  @Test
  void aNodeJoiningGetsItsPod() {
    String ns = group("grow", 2);
    apply(env.kubectl(), ns, "RollingUpdate", "");
    awaitReadyPods(ns, 2);
    kubelets.addNode("grow-new", List.of(), Map.of("group", ns));
    awaitReadyPods(ns, 3);
    assertThat(pods(ns)).extracting(p -> p.getSpec().getNodeName()).contains("grow-new");
  }

  @Test
  void rollingUpdateKeepsAllButMaxUnavailableNodesServingAndCanBeUndone() throws Exception {
    Kubectl kubectl = env.kubectl();
    String ns = group("roll", 4);
    apply(kubectl, ns, "RollingUpdate", "");
    awaitReadyPods(ns, 4);
    AtomicInteger minServing = new AtomicInteger(Integer.MAX_VALUE);
    SharedIndexInformer<Pod> watcher = env.admin.pods().inNamespace(ns).inform(new ResourceEventHandler<>() {
      @Override public void onAdd(Pod p) { }
      @Override public void onUpdate(Pod o, Pod p) { }
      @Override public void onDelete(Pod p, boolean unknown) { }
    });
    // every change re-counts the nodes that have a ready pod which is not being deleted
    watcher.addEventHandler(new ResourceEventHandler<>() {
      @Override public void onAdd(Pod p) { record(watcher, minServing); }
      @Override public void onUpdate(Pod o, Pod p) { record(watcher, minServing); }
      @Override public void onDelete(Pod p, boolean unknown) { record(watcher, minServing); }
    });
    try {
      kubectl.run("set", "image", "ds/agent", "c=busybox:2", "-n", ns).assertOk();
      kubectl.run("rollout", "status", "ds/agent", "-n", ns, "--timeout=60s").assertOk();
      Conditions.await("4 ready pods on busybox:2", TIMEOUT, () -> readyPods(ns).size() == 4
          && readyPods(ns).stream().allMatch(p -> p.getSpec().getContainers().get(0).getImage().equals("busybox:2")));
    } finally {
      watcher.close();
    }
    assertThat(minServing.get()).as("fewest nodes with a ready pod during the update").isEqualTo(3);
    String history = kubectl.run("rollout", "history", "ds/agent", "-n", ns).assertOk().out();
    assertThat(history).contains("REVISION").containsPattern("(?m)^1\\s").containsPattern("(?m)^2\\s");
    assertThat(env.admin.apps().controllerRevisions().inNamespace(ns).list().getItems()).hasSize(2)
        .allSatisfy(r -> assertThat(r.getMetadata().getName()).matches("agent-[bcdfghjklmnpqrstvwxz2456789]+"));

    kubectl.run("rollout", "undo", "ds/agent", "-n", ns).assertOk();
    kubectl.run("rollout", "status", "ds/agent", "-n", ns, "--timeout=60s").assertOk();
    Conditions.await("4 ready pods back on busybox:1", TIMEOUT, () -> readyPods(ns).size() == 4
        && readyPods(ns).stream().allMatch(p -> p.getSpec().getContainers().get(0).getImage().equals("busybox:1")));
    assertThat(env.admin.apps().controllerRevisions().inNamespace(ns).list().getItems())
        .extracting(r -> r.getRevision()).containsExactlyInAnyOrder(2L, 3L);
  }

  @Test
  void onDeleteReplacesOnlyPodsTheUserDeletes() {
    Kubectl kubectl = env.kubectl();
    String ns = group("ondelete", 2);
    apply(kubectl, ns, "OnDelete", "");
    awaitReadyPods(ns, 2);
    kubectl.run("set", "image", "ds/agent", "c=busybox:2", "-n", ns).assertOk();
    Conditions.await("generation 2 observed", TIMEOUT, () -> {
      DaemonSet ds = ds(ns);
      return ds.getStatus().getObservedGeneration() != null && ds.getStatus().getObservedGeneration() == 2;
    });
    assertThat(ds(ns).getStatus().getUpdatedNumberScheduled()).isZero();
    assertThat(pods(ns)).allSatisfy(p -> assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("busybox:1"));
    Pod victim = pods(ns).get(0);
    env.admin.pods().inNamespace(ns).withName(victim.getMetadata().getName()).delete();
    Conditions.await("a busybox:2 pod replaces " + victim.getMetadata().getName(), TIMEOUT, () ->
        readyPods(ns).size() == 2 && readyPods(ns).stream()
            .filter(p -> p.getSpec().getContainers().get(0).getImage().equals("busybox:2")).count() == 1);
    Conditions.await("updatedNumberScheduled 1", TIMEOUT,
        () -> Objects.equals(ds(ns).getStatus().getUpdatedNumberScheduled(), 1));
  }

  @Test
  void aFailedPodIsDeletedAndRecreated() {
    String ns = group("failing", 1);
    AtomicBoolean first = new AtomicBoolean(true);
    kubelets.behave(p -> ns.equals(p.getMetadata().getNamespace()) && first.getAndSet(false)
        ? SimulatedKubelets.Behaviour.FAIL : SimulatedKubelets.Behaviour.READY);
    try {
      apply(env.kubectl(), ns, "RollingUpdate", "");
      awaitReadyPods(ns, 1);
    } finally {
      kubelets.behave(p -> SimulatedKubelets.Behaviour.READY);
    }
    Conditions.await("FailedDaemonPod event", TIMEOUT, () -> events(ns).stream()
        .anyMatch(e -> e.startsWith("FailedDaemonPod Found failed daemon pod " + ns + "/agent-")
            && e.endsWith(" on node failing-0, will try to kill it")));
    assertThat(events(ns)).anyMatch(e -> e.startsWith("SuccessfulDelete Deleted pod: agent-"));
  }

  // --- helpers

  /** A namespace {@code name} and {@code nodes} Ready nodes labelled {@code group=name}. */
  static String group(String name, int nodes) {
    env.admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    IntStream.range(0, nodes).forEach(i -> kubelets.addNode(name + "-" + i, List.of(), Map.of("group", name)));
    return name;
  }

  static void apply(Kubectl kubectl, String ns, String strategy, String extra) {
    String update = strategy.equals("OnDelete") ? "  updateStrategy: {type: OnDelete}\n"
        : "  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}\n";
    String yaml = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent, namespace: " + ns + "}\n"
        + "spec:\n  selector: {matchLabels: {app: agent}}\n" + update + extra
        + "  template:\n    metadata: {labels: {app: agent}}\n    spec:\n"
        + "      nodeSelector: {group: " + ns + "}\n      containers: [{name: c, image: 'busybox:1'}]\n";
    kubectl.run(Map.of(), yaml, "apply", "-f", "-").assertOk();
  }

  static DaemonSet ds(String ns) {
    return env.admin.apps().daemonSets().inNamespace(ns).withName("agent").get();
  }

  static List<Pod> pods(String ns) {
    return env.admin.pods().inNamespace(ns).list().getItems();
  }

  static List<Pod> readyPods(String ns) {
    return pods(ns).stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null && isReady(p)).toList();
  }

  static void awaitReadyPods(String ns, int n) {
    Conditions.await(n + " ready pods on distinct nodes in " + ns, TIMEOUT, () -> {
      List<Pod> ready = readyPods(ns);
      return ready.size() == n && pods(ns).size() == n
          && ready.stream().map(p -> p.getSpec().getNodeName()).distinct().count() == n;
    });
  }

  static boolean isReady(Pod p) {
    return p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static List<String> events(String ns) {
    return env.admin.v1().events().inNamespace(ns).list().getItems().stream()
        .map(e -> e.getReason() + " " + e.getMessage()).toList();
  }

  static void record(SharedIndexInformer<Pod> watcher, AtomicInteger minServing) {
    Set<String> serving = watcher.getStore().list().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null && isReady(p))
        .map(p -> p.getSpec().getNodeName()).collect(Collectors.toSet());
    minServing.accumulateAndGet(serving.size(), Math::min);
  }
}
