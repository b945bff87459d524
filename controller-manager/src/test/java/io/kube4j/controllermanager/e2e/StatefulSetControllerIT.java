package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The StatefulSet controller against a real apiserver, {@link SimulatedKubelets} and the real
 * kubectl: ordered start watched pod by pod, scale-down highest ordinal first, Parallel, a
 * partitioned rolling update, history and undo, claims created per pod and kept or deleted as the
 * retention policy says.
 */
class StatefulSetControllerIT {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static ControllerManagerEnvironment env;
  static SimulatedKubelets kubelets;

  @BeforeAll
  static void start() {
    env = ControllerManagerEnvironment.start("statefulset-it");
    kubelets = new SimulatedKubelets(env.admin, "sts-node", 3);
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
  void orderedReadyStartsPodsOneAtATimeAndScalesDownFromTheHighestOrdinal() {
    String ns = namespace("ordered");
    kubelets.behave(p -> ns.equals(p.getMetadata().getNamespace()) ? SimulatedKubelets.Behaviour.NOT_READY
        : SimulatedKubelets.Behaviour.READY);
    List<String> violations = new CopyOnWriteArrayList<>();
    List<String> deletions = new CopyOnWriteArrayList<>();
    SharedIndexInformer<Pod> watcher = watch(ns, violations, deletions);
    try {
      apply(ns, "web", "OrderedReady", 3, "");
      for (int i = 0; i < 3; i++) {
        String name = "web-" + i;
        Conditions.await(name + " Running", TIMEOUT, () -> pod(ns, name) != null
            && "Running".equals(pod(ns, name).getStatus().getPhase()));
        int running = i + 1;
        // the controller has seen this pod Running but not Ready: it must not go on
        Conditions.await("status shows " + running + " replicas", TIMEOUT,
            () -> Objects.equals(sts(ns, "web").getStatus().getReplicas(), running));
        assertThat(pod(ns, "web-" + (i + 1))).as("web-%d while web-%d is not Ready", i + 1, i).isNull();
        kubelets.set(pod(ns, name), SimulatedKubelets.Behaviour.READY);
      }
      Conditions.await("3 ready replicas", TIMEOUT, () -> Objects.equals(sts(ns, "web").getStatus().getReadyReplicas(), 3));
      assertThat(violations).as("pods created before their predecessor was Ready").isEmpty();
      Pod web1 = pod(ns, "web-1");
      assertThat(web1.getMetadata().getLabels()).containsEntry("statefulset.kubernetes.io/pod-name", "web-1")
          .containsEntry("apps.kubernetes.io/pod-index", "1").containsKey("controller-revision-hash");
      assertThat(web1.getSpec().getHostname()).isEqualTo("web-1");
      assertThat(web1.getSpec().getSubdomain()).isEqualTo("web");
      assertThat(events(ns)).contains("SuccessfulCreate create Pod web-0 in StatefulSet web successful",
          "SuccessfulCreate create Pod web-2 in StatefulSet web successful");
      // with the defaulted partition 0, kubectl reports a "partitioned" roll out, as against Kubernetes
      assertThat(env.kubectl().run("rollout", "status", "sts/web", "-n", ns, "--timeout=30s").assertOk().out())
          .contains("roll out complete: 3 new pods have been updated");

      env.kubectl().run("scale", "sts", "web", "--replicas=1", "-n", ns).assertOk();
      Conditions.await("web-1 and web-2 gone", TIMEOUT, () -> pods(ns).size() == 1 && pod(ns, "web-0") != null);
      assertThat(deletions).as("deletion events in order").containsSubsequence("terminating web-2", "gone web-2",
          "terminating web-1", "gone web-1");
      assertThat(deletions.indexOf("terminating web-1")).isGreaterThan(deletions.indexOf("gone web-2"));
      Conditions.await("SuccessfulDelete event", TIMEOUT,
          () -> events(ns).contains("SuccessfulDelete delete Pod web-2 in StatefulSet web successful"));
    } finally {
      watcher.close();
      kubelets.behave(p -> SimulatedKubelets.Behaviour.READY);
    }
  }

  @Test
  void parallelCreatesEveryPodWithoutWaitingForReadiness() {
    String ns = namespace("parallel");
    kubelets.behave(p -> ns.equals(p.getMetadata().getNamespace()) ? SimulatedKubelets.Behaviour.NOT_READY
        : SimulatedKubelets.Behaviour.READY);
    try {
      apply(ns, "web", "Parallel", 3, "");
      Conditions.await("3 pods Running, none Ready", TIMEOUT, () -> pods(ns).size() == 3
          && pods(ns).stream().allMatch(p -> "Running".equals(p.getStatus().getPhase())));
      assertThat(sts(ns, "web").getStatus().getReadyReplicas()).isZero();
    } finally {
      kubelets.behave(p -> SimulatedKubelets.Behaviour.READY);
    }
  }

  @Test
  void partitionedRollingUpdateTouchesOnlyOrdinalsFromThePartitionUpAndCanBeUndone() {
    Kubectl kubectl = env.kubectl();
    String ns = namespace("partition");
    apply(ns, "web", "OrderedReady", 3, "");
    Conditions.await("3 ready", TIMEOUT, () -> Objects.equals(sts(ns, "web").getStatus().getReadyReplicas(), 3));
    String oldRevision = sts(ns, "web").getStatus().getCurrentRevision();
    assertThat(oldRevision).matches("web-[bcdfghjklmnpqrstvwxz2456789]+");
    kubectl.run("patch", "sts", "web", "-n", ns, "-p",
        "{\"spec\":{\"updateStrategy\":{\"rollingUpdate\":{\"partition\":1}}}}").assertOk();
    kubectl.run("set", "image", "sts/web", "c=busybox:2", "-n", ns).assertOk();
    assertThat(kubectl.run("rollout", "status", "sts/web", "-n", ns, "--timeout=60s").assertOk().out())
        .contains("partitioned roll out complete: 2 new pods have been updated");
    Conditions.await("web-1 and web-2 updated and ready", TIMEOUT, () -> {
      StatefulSet s = sts(ns, "web");
      return Objects.equals(s.getStatus().getUpdatedReplicas(), 2) && Objects.equals(s.getStatus().getReadyReplicas(), 3);
    });
    StatefulSet s = sts(ns, "web");
    assertThat(s.getStatus().getCurrentRevision()).isEqualTo(oldRevision);
    assertThat(image(ns, "web-0")).isEqualTo("busybox:1");
    assertThat(image(ns, "web-1")).isEqualTo("busybox:2");
    assertThat(image(ns, "web-2")).isEqualTo("busybox:2");
    assertThat(pod(ns, "web-0").getMetadata().getLabels()).containsEntry("controller-revision-hash", oldRevision);
    assertThat(pod(ns, "web-2").getMetadata().getLabels())
        .containsEntry("controller-revision-hash", s.getStatus().getUpdateRevision());

    kubectl.run("patch", "sts", "web", "-n", ns, "-p",
        "{\"spec\":{\"updateStrategy\":{\"rollingUpdate\":{\"partition\":0}}}}").assertOk();
    kubectl.run("rollout", "status", "sts/web", "-n", ns, "--timeout=60s").assertOk();
    Conditions.await("current revision is the update revision", TIMEOUT, () -> {
      StatefulSet t = sts(ns, "web");
      return Objects.equals(t.getStatus().getCurrentRevision(), t.getStatus().getUpdateRevision())
          && Objects.equals(t.getStatus().getCurrentReplicas(), 3);
    });
    assertThat(image(ns, "web-0")).isEqualTo("busybox:2");
    assertThat(kubectl.run("rollout", "history", "sts/web", "-n", ns).assertOk().out())
        .containsPattern("(?m)^1\\s").containsPattern("(?m)^2\\s");

    kubectl.run("rollout", "undo", "sts/web", "-n", ns).assertOk();
    kubectl.run("rollout", "status", "sts/web", "-n", ns, "--timeout=60s").assertOk();
    Conditions.await("all back on busybox:1", TIMEOUT, () -> List.of("web-0", "web-1", "web-2").stream()
        .allMatch(n -> pod(ns, n) != null && "busybox:1".equals(image(ns, n))));
  }

  @Test
  void claimsAreCreatedPerPodAndRetainedOrDeletedAsThePolicySays() {
    String ns = namespace("claims");
    String claim = "  volumeClaimTemplates:\n  - metadata: {name: www}\n"
        + "    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n";
    apply(ns, "web", "Parallel", 3, claim);
    apply(ns, "db", "Parallel", 2, claim
        + "  persistentVolumeClaimRetentionPolicy: {whenScaled: Delete, whenDeleted: Delete}\n");
    Conditions.await("5 claims", TIMEOUT, () -> claims(ns).size() == 5);
    assertThat(claims(ns)).containsExactlyInAnyOrder("www-web-0", "www-web-1", "www-web-2", "www-db-0", "www-db-1");
    Conditions.await("5 ready pods", TIMEOUT, () -> pods(ns).stream().filter(DaemonSetControllerIT::isReady).count() == 5);
    assertThat(pod(ns, "web-1").getSpec().getVolumes()).anySatisfy(v -> {
      assertThat(v.getName()).isEqualTo("www");
      assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("www-web-1");
    });
    var webClaim = env.admin.persistentVolumeClaims().inNamespace(ns).withName("www-web-0").get();
    assertThat(webClaim.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(webClaim.getMetadata().getLabels()).containsEntry("app", "web");
    Conditions.await("db's claims owned by db", TIMEOUT, () -> env.admin.persistentVolumeClaims().inNamespace(ns)
        .withName("www-db-1").get().getMetadata().getOwnerReferences().stream()
        .anyMatch(r -> r.getKind().equals("StatefulSet") && r.getName().equals("db")));
    assertThat(events(ns)).contains("SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success");

    env.kubectl().run("scale", "sts", "web", "--replicas=1", "-n", ns).assertOk();
    env.kubectl().run("scale", "sts", "db", "--replicas=1", "-n", ns).assertOk();
    Conditions.await("web and db at 1 pod each", TIMEOUT, () -> pods(ns).size() == 2);
    Conditions.await("www-db-1 deleted with its pod", TIMEOUT, () -> !claims(ns).contains("www-db-1"));
    assertThat(claims(ns)).containsExactlyInAnyOrder("www-web-0", "www-web-1", "www-web-2", "www-db-0");
  }

  // --- helpers

  static String namespace(String name) {
    env.admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    return name;
  }

  static void apply(String ns, String name, String policy, int replicas, String extra) {
    String yaml = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: " + name + ", namespace: " + ns + "}\n"
        + "spec:\n  serviceName: " + name + "\n  replicas: " + replicas + "\n  podManagementPolicy: " + policy + "\n"
        + "  selector: {matchLabels: {app: " + name + "}}\n" + extra
        + "  template:\n    metadata: {labels: {app: " + name + "}}\n"
        + "    spec:\n      containers: [{name: c, image: 'busybox:1'}]\n";
    env.kubectl().run(Map.of(), yaml, "apply", "-f", "-").assertOk();
  }

  /**
   * Watches the namespace's pods: a pod {@code web-N} appearing while {@code web-(N-1)} is not Ready
   * is a violation; the first sight of each deletion timestamp and each delete is recorded in order.
   */
  static SharedIndexInformer<Pod> watch(String ns, List<String> violations, List<String> deletions) {
    return env.admin.pods().inNamespace(ns).inform(new ResourceEventHandler<>() {
      final java.util.Map<String, Boolean> ready = new java.util.concurrent.ConcurrentHashMap<>();

      @Override public void onAdd(Pod p) {
        int ordinal = Integer.parseInt(p.getMetadata().getName().substring(p.getMetadata().getName().lastIndexOf('-') + 1));
        if (ordinal > 0 && !ready.getOrDefault("web-" + (ordinal - 1), false)) {
          violations.add(p.getMetadata().getName() + " created before web-" + (ordinal - 1) + " was Ready");
        }
        ready.put(p.getMetadata().getName(), DaemonSetControllerIT.isReady(p));
      }

      @Override public void onUpdate(Pod o, Pod p) {
        ready.put(p.getMetadata().getName(), DaemonSetControllerIT.isReady(p));
        if (o.getMetadata().getDeletionTimestamp() == null && p.getMetadata().getDeletionTimestamp() != null) {
          deletions.add("terminating " + p.getMetadata().getName());
        }
      }

      @Override public void onDelete(Pod p, boolean unknown) {
        ready.remove(p.getMetadata().getName());
        deletions.add("gone " + p.getMetadata().getName());
      }
    });
  }

  static StatefulSet sts(String ns, String name) {
    return env.admin.apps().statefulSets().inNamespace(ns).withName(name).get();
  }

  static Pod pod(String ns, String name) {
    return env.admin.pods().inNamespace(ns).withName(name).get();
  }

  static String image(String ns, String name) {
    return pod(ns, name).getSpec().getContainers().get(0).getImage();
  }

  static List<Pod> pods(String ns) {
    return env.admin.pods().inNamespace(ns).list().getItems();
  }

  static List<String> claims(String ns) {
    return env.admin.persistentVolumeClaims().inNamespace(ns).list().getItems().stream()
        .filter(c -> c.getMetadata().getDeletionTimestamp() == null).map(c -> c.getMetadata().getName()).toList();
  }

  static List<String> events(String ns) {
    return env.admin.v1().events().inNamespace(ns).list().getItems().stream()
        .map(e -> e.getReason() + " " + e.getMessage()).toList();
  }
}
