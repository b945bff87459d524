package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deployments with the real kubectl and simulated kubelets: create, scale, a rolling update watched
 * pod by pod, undo, restart, pause and resume. Each test works in a namespace of its own.
 */
class DeploymentControllerIT {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static ControllerManagerEnvironment env;
  static KubernetesClient admin;
  static Kubectl kubectl;
  static SimulatedKubelets kubelets;

  @BeforeAll
  static void start() {
    Kubectl.assumeAvailable();
    env = ControllerManagerEnvironment.start("deployment-it");
    admin = env.admin;
    kubectl = env.kubectl();
    kubelets = new SimulatedKubelets(admin, "node", 3);
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

  static void namespace(String ns) {
    kubectl.run("create", "namespace", ns).assertOk();
    Conditions.await("default service account in " + ns, TIMEOUT,
        () -> admin.serviceAccounts().inNamespace(ns).withName("default").get() != null);
  }

  static Deployment deployment(String ns, String name) {
    return admin.apps().deployments().inNamespace(ns).withName(name).get();
  }

  static List<ReplicaSet> replicaSets(String ns) {
    return admin.apps().replicaSets().inNamespace(ns).list().getItems();
  }

  static List<Pod> livePods(String ns) {
    return admin.pods().inNamespace(ns).list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
  }

  /** Every replica updated, ready and available, and no other pod left. */
  static void awaitRolledOut(String ns, String name, int replicas) {
    Conditions.await(name + " rolled out with " + replicas + " replicas", TIMEOUT, () -> {
      Deployment d = deployment(ns, name);
      var s = d.getStatus();
      return s != null && s.getObservedGeneration() != null && s.getObservedGeneration() >= d.getMetadata().getGeneration()
          && n(s.getUpdatedReplicas()) == replicas && n(s.getAvailableReplicas()) == replicas
          && n(s.getReplicas()) == replicas && livePods(ns).size() == replicas;
    });
  }

  static int n(Integer v) {
    return v == null ? 0 : v;
  }

  static DeploymentCondition condition(Deployment d, String type) {
    return d.getStatus().getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
  }

  static List<String> scalingEvents(String ns) {
    return admin.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> "ScalingReplicaSet".equals(e.getReason()))
        .sorted(Comparator.comparing(Event::getMetadata, Comparator.comparing(m -> m.getCreationTimestamp())))
        .map(Event::getMessage).toList();
  }

  @Test
  void createDeploymentReachesFiveOfFiveAvailable() {
    namespace("create");
    kubectl.run("create", "deployment", "web", "--image=busybox", "--replicas=5", "-n", "create").assertOk();

    Kubectl.Result status = kubectl.run("rollout", "status", "deployment/web", "-n", "create", "--timeout=60s");

    status.assertOk();
    assertThat(status.out()).contains("deployment \"web\" successfully rolled out");
    awaitRolledOut("create", "web", 5);
    Deployment d = deployment("create", "web");
    assertThat(d.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");
    assertThat(condition(d, "Available").getReason()).isEqualTo("MinimumReplicasAvailable");
    assertThat(condition(d, "Progressing").getReason()).isEqualTo("NewReplicaSetAvailable");
    ReplicaSet rs = replicaSets("create").get(0);
    String hash = rs.getMetadata().getLabels().get("pod-template-hash");
    assertThat(rs.getMetadata().getName()).isEqualTo("web-" + hash).matches("web-[bcdfghjklmnpqrstvwxz2456789]{6,10}");
    assertThat(rs.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1")
        .containsEntry("deployment.kubernetes.io/desired-replicas", "5")
        .containsEntry("deployment.kubernetes.io/max-replicas", "7");
    assertThat(livePods("create")).allSatisfy(p -> {
      assertThat(p.getMetadata().getName()).startsWith(rs.getMetadata().getName() + "-");
      assertThat(p.getMetadata().getLabels()).containsEntry("pod-template-hash", hash).containsEntry("app", "web");
    });
    Conditions.await("ScalingReplicaSet event", TIMEOUT, () -> !scalingEvents("create").isEmpty());
    assertThat(scalingEvents("create")).contains("Scaled up replica set " + rs.getMetadata().getName() + " from 0 to 5");
    assertThat(kubectl.run("get", "deployment", "web", "-n", "create").assertOk().out()).contains("5/5");
  }

  @Test
  void kubectlScaleResizesTheReplicaSet() {
    namespace("scale");
    kubectl.run("create", "deployment", "web", "--image=busybox", "--replicas=2", "-n", "scale").assertOk();
    awaitRolledOut("scale", "web", 2);

    kubectl.run("scale", "deployment/web", "--replicas=7", "-n", "scale").assertOk();
    awaitRolledOut("scale", "web", 7);
    kubectl.run("scale", "deployment/web", "--replicas=3", "-n", "scale").assertOk();
    awaitRolledOut("scale", "web", 3);

    assertThat(replicaSets("scale")).singleElement().satisfies(rs -> assertThat(rs.getSpec().getReplicas()).isEqualTo(3));
    String rsName = replicaSets("scale").get(0).getMetadata().getName();
    Conditions.await("scale events", TIMEOUT, () -> scalingEvents("scale").size() >= 3);
    assertThat(scalingEvents("scale")).contains("Scaled up replica set " + rsName + " from 2 to 7",
        "Scaled down replica set " + rsName + " from 7 to 3");
  }

  /**
   * {@code kubectl set image} and {@code rollout status} follow the rolling update to its end, while
   * a watcher sees every pod change: never fewer than replicas − maxUnavailable Ready pods (6 − 1),
   * and the rollout went through several steps (pods take 300 ms to become Ready). Then
   * {@code rollout undo} goes back to revision 1's image, as revision 3.
   */
  @Test
  void rollingUpdateKeepsMinimumReadyAndUndoGoesBack() throws Exception {
    namespace("rolling");
    kubelets.readinessDelay(Duration.ofMillis(300));
    try {
      kubectl.run("create", "deployment", "web", "--image=busybox", "--replicas=6", "-n", "rolling").assertOk();
      awaitRolledOut("rolling", "web", 6);
      AtomicInteger minReady = new AtomicInteger(Integer.MAX_VALUE);
      ReadyCounter counter = new ReadyCounter(minReady);
      SharedIndexInformer<Pod> watcher = admin.pods().inNamespace("rolling").inform(counter);
      try {
        // the initial list has been delivered: from now on every change counts
        counter.arm();
        assertThat(minReady.get()).isEqualTo(6);
        kubectl.run("set", "image", "deployment/web", "busybox=busybox:1.36", "-n", "rolling").assertOk();
        Kubectl.Result status = kubectl.run("rollout", "status", "deployment/web", "-n", "rolling", "--timeout=90s");
        status.assertOk();
        assertThat(status.out()).contains("Waiting for deployment \"web\" rollout to finish")
            .contains("deployment \"web\" successfully rolled out");
        awaitRolledOut("rolling", "web", 6);
        assertThat(minReady.get()).as("fewest Ready pods during the rollout").isGreaterThanOrEqualTo(5);
      } finally {
        watcher.close();
      }
      assertThat(livePods("rolling")).allSatisfy(p ->
          assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("busybox:1.36"));
      List<String> events = scalingEvents("rolling");
      assertThat(events.stream().filter(e -> e.startsWith("Scaled down")).count()).as(events.toString())
          .isGreaterThanOrEqualTo(2);
      assertThat(deployment("rolling", "web").getMetadata().getAnnotations())
          .containsEntry("deployment.kubernetes.io/revision", "2");

      kubectl.run("rollout", "undo", "deployment/web", "-n", "rolling").assertOk();
      kubectl.run("rollout", "status", "deployment/web", "-n", "rolling", "--timeout=90s").assertOk();
      awaitRolledOut("rolling", "web", 6);
      assertThat(livePods("rolling")).allSatisfy(p ->
          assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("busybox"));
      ReplicaSet first = replicaSets("rolling").stream()
          .filter(rs -> rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage().equals("busybox"))
          .findFirst().orElseThrow();
      assertThat(first.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "3")
          .containsEntry("deployment.kubernetes.io/revision-history", "1");
      String history = kubectl.run("rollout", "history", "deployment/web", "-n", "rolling").assertOk().out();
      assertThat(history).containsPattern("(?m)^2 ").containsPattern("(?m)^3 ").doesNotContainPattern("(?m)^1 ");
    } finally {
      kubelets.readinessDelay(Duration.ZERO);
    }
  }

  @Test
  void rolloutRestartReplacesEveryPod() {
    namespace("restart");
    kubectl.run("create", "deployment", "web", "--image=busybox", "--replicas=3", "-n", "restart").assertOk();
    awaitRolledOut("restart", "web", 3);
    Set<String> before = livePods("restart").stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());

    kubectl.run("rollout", "restart", "deployment/web", "-n", "restart").assertOk();
    kubectl.run("rollout", "status", "deployment/web", "-n", "restart", "--timeout=60s").assertOk();

    awaitRolledOut("restart", "web", 3);
    assertThat(deployment("restart", "web").getSpec().getTemplate().getMetadata().getAnnotations())
        .containsKey("kubectl.kubernetes.io/restartedAt");
    assertThat(livePods("restart")).extracting(p -> p.getMetadata().getName()).doesNotContainAnyElementsOf(before);
    assertThat(replicaSets("restart")).hasSize(2);
  }

  @Test
  void aPausedDeploymentRollsOutOnlyOnceResumed() {
    namespace("pause");
    kubectl.run("create", "deployment", "web", "--image=busybox", "--replicas=2", "-n", "pause").assertOk();
    awaitRolledOut("pause", "web", 2);

    kubectl.run("rollout", "pause", "deployment/web", "-n", "pause").assertOk();
    kubectl.run("set", "image", "deployment/web", "busybox=busybox:1.36", "-n", "pause").assertOk();
    Conditions.await("paused condition", TIMEOUT, () -> {
      Deployment d = deployment("pause", "web");
      return d.getStatus().getObservedGeneration() >= d.getMetadata().getGeneration()
          && "DeploymentPaused".equals(condition(d, "Progressing").getReason());
    });
    assertThat(condition(deployment("pause", "web"), "Progressing").getStatus()).isEqualTo("Unknown");
    assertThat(replicaSets("pause")).hasSize(1);

    kubectl.run("rollout", "resume", "deployment/web", "-n", "pause").assertOk();
    kubectl.run("rollout", "status", "deployment/web", "-n", "pause", "--timeout=60s").assertOk();
    awaitRolledOut("pause", "web", 2);
    assertThat(replicaSets("pause")).hasSize(2);
    assertThat(livePods("pause")).allSatisfy(p ->
        assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("busybox:1.36"));
  }

  /** Recreate: the old pods are all gone before the first new one is created. */
  @Test
  void recreateNeverRunsOldAndNewPodsTogether() {
    namespace("recreate");
    kubectl.run("create", "deployment", "web", "--image=busybox", "--replicas=3", "-n", "recreate").assertOk();
    kubectl.run("patch", "deployment", "web", "-n", "recreate", "--type=merge",
        "-p", "{\"spec\":{\"strategy\":{\"type\":\"Recreate\",\"rollingUpdate\":null}}}").assertOk();
    awaitRolledOut("recreate", "web", 3);
    assertThat(deployment("recreate", "web").getSpec().getStrategy().getType()).isEqualTo("Recreate");
    Map<String, String> hashOf = new java.util.concurrent.ConcurrentHashMap<>();
    AtomicInteger mostTemplatesAtOnce = new AtomicInteger();
    SharedIndexInformer<Pod> watcher = admin.pods().inNamespace("recreate").inform(new ResourceEventHandler<>() {
      @Override public void onAdd(Pod pod) { onUpdate(null, pod); }
      @Override public void onUpdate(Pod old, Pod pod) {
        hashOf.put(pod.getMetadata().getUid(), pod.getMetadata().getLabels().get("pod-template-hash"));
        mostTemplatesAtOnce.accumulateAndGet(new java.util.HashSet<>(hashOf.values()).size(), Math::max);
      }
      @Override public void onDelete(Pod pod, boolean unknown) { hashOf.remove(pod.getMetadata().getUid()); }
    });
    try {
      kubectl.run("set", "image", "deployment/web", "busybox=busybox:1.36", "-n", "recreate").assertOk();
      kubectl.run("rollout", "status", "deployment/web", "-n", "recreate", "--timeout=60s").assertOk();
      awaitRolledOut("recreate", "web", 3);
    } finally {
      watcher.close();
    }
    assertThat(mostTemplatesAtOnce.get()).as("pod templates present at once").isEqualTo(1);
    assertThat(livePods("recreate")).allSatisfy(p ->
        assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("busybox:1.36"));
  }

  /** Counts Ready, not terminating pods on every change and remembers the fewest seen. */
  static final class ReadyCounter implements ResourceEventHandler<Pod> {
    private final AtomicInteger min;
    private final Map<String, Boolean> ready = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean armed;

    ReadyCounter(AtomicInteger min) {
      this.min = min;
    }

    private void record(Pod pod, boolean gone) {
      boolean isReady = !gone && pod.getMetadata().getDeletionTimestamp() == null && pod.getStatus() != null
          && pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
          .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
      synchronized (this) {
        ready.put(pod.getMetadata().getUid(), isReady);
        if (armed) {
          min.accumulateAndGet(count(), Math::min);
        }
      }
    }

    synchronized void arm() {
      armed = true;
      min.set(count());
    }

    private int count() {
      return (int) ready.values().stream().filter(b -> b).count();
    }

    @Override
    public void onAdd(Pod pod) {
      record(pod, false);
    }

    @Override
    public void onUpdate(Pod old, Pod pod) {
      record(pod, false);
    }

    @Override
    public void onDelete(Pod pod, boolean unknown) {
      record(pod, true);
    }
  }
}
