package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ReplicaSets and ReplicationControllers against a real apiserver with simulated kubelets: adoption
 * and release, the scale-down order, exactly as many creates as replicas, minReadySeconds, quota
 * failures in the status, and {@code kubectl scale rc}.
 */
class ReplicaSetControllerIT {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static ControllerManagerEnvironment env;
  static KubernetesClient admin;
  static SimulatedKubelets kubelets;

  @BeforeAll
  static void start() {
    env = ControllerManagerEnvironment.start("replicaset-it");
    admin = env.admin;
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
    admin.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(ns)
        .endMetadata().build()).create();
    Conditions.await("default service account in " + ns, TIMEOUT,
        () -> admin.serviceAccounts().inNamespace(ns).withName("default").get() != null);
  }

  static ReplicaSet replicaSet(String ns, String name, int replicas) {
    return new ReplicaSetBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).addToLabels("tier", "web").endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec().endTemplate()
        .endSpec().build();
  }

  static List<Pod> ownedPods(String ns, ReplicaSet rs) {
    return admin.pods().inNamespace(ns).list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null && p.getMetadata().getOwnerReferences().stream()
            .anyMatch(r -> r.getUid().equals(rs.getMetadata().getUid()) && Boolean.TRUE.equals(r.getController())))
        .toList();
  }

  static ReplicaSet get(String ns, String name) {
    return admin.apps().replicaSets().inNamespace(ns).withName(name).get();
  }

  static boolean ready(Pod p) {
    return p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static void awaitReady(String ns, String name, int replicas) {
    Conditions.await(name + " with " + replicas + " ready", TIMEOUT, () -> {
      ReplicaSet rs = get(ns, name);
      var s = rs.getStatus();
      return s != null && s.getReadyReplicas() != null && s.getReadyReplicas() == replicas && s.getReplicas() == replicas
          && s.getObservedGeneration() != null && s.getObservedGeneration().equals(rs.getMetadata().getGeneration())
          && ownedPods(ns, rs).size() == replicas;
    });
  }

  @Test
  void adoptsAMatchingOrphanAndReleasesAPodThatStopsMatching() {
    namespace("adopt");
    Pod orphan = admin.pods().inNamespace("adopt").resource(new PodBuilder().withNewMetadata().withName("orphan")
        .addToLabels("app", "web").endMetadata().withNewSpec().addNewContainer().withName("c").withImage("busybox")
        .endContainer().endSpec().build()).create();

    ReplicaSet rs = admin.apps().replicaSets().inNamespace("adopt").resource(replicaSet("adopt", "web", 2)).create();
    awaitReady("adopt", "web", 2);

    List<Pod> owned = ownedPods("adopt", rs);
    assertThat(owned).extracting(p -> p.getMetadata().getName()).contains("orphan");
    assertThat(admin.pods().inNamespace("adopt").list().getItems()).hasSize(2);
    assertThat(get("adopt", "web").getStatus().getFullyLabeledReplicas())
        .as("the orphan lacks the template's tier label").isEqualTo(1);

    // relabelled: no longer selected, so released (not deleted), and replaced
    admin.pods().inNamespace("adopt").withName("orphan").edit(p -> new PodBuilder(p).editMetadata()
        .addToLabels("app", "elsewhere").endMetadata().build());
    Conditions.await("orphan released and replaced", TIMEOUT, () -> {
      Pod released = admin.pods().inNamespace("adopt").withName("orphan").get();
      return released.getMetadata().getOwnerReferences().isEmpty() && ownedPods("adopt", rs).size() == 2;
    });
    assertThat(admin.pods().inNamespace("adopt").withName("orphan").get().getMetadata().getUid())
        .isEqualTo(orphan.getMetadata().getUid());
  }

  /** The adoption patch carries the pod's UID: a patch written for an older pod of that name fails. */
  @Test
  void anAdoptionPatchForAReplacedPodIsRejected() {
    namespace("uid");
    admin.pods().inNamespace("uid").resource(new PodBuilder().withNewMetadata().withName("p").addToLabels("x", "y")
        .endMetadata().withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
        .build()).create();
    String stale = "{\"metadata\":{\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\","
        + "\"name\":\"rs\",\"uid\":\"0000\",\"controller\":true,\"blockOwnerDeletion\":true}],"
        + "\"uid\":\"11111111-2222-3333-4444-555555555555\"}}";

    assertThatThrownBy(() -> admin.pods().inNamespace("uid").withName("p")
        .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), stale))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isIn(409, 422));
    assertThat(admin.pods().inNamespace("uid").withName("p").get().getMetadata().getOwnerReferences()).isEmpty();
  }

  @Test
  void scaleDownDeletesTheNotReadyPodsFirst() {
    namespace("down");
    ReplicaSet rs = admin.apps().replicaSets().inNamespace("down").resource(replicaSet("down", "web", 5)).create();
    awaitReady("down", "web", 5);
    List<Pod> pods = ownedPods("down", rs);
    Set<String> unready = Set.of(pods.get(1).getMetadata().getName(), pods.get(3).getMetadata().getName());
    kubelets.set(pods.get(1), SimulatedKubelets.Behaviour.NOT_READY);
    kubelets.set(pods.get(3), SimulatedKubelets.Behaviour.NOT_READY);
    Conditions.await("two not ready", TIMEOUT, () -> get("down", "web").getStatus().getReadyReplicas() == 3);

    admin.apps().replicaSets().inNamespace("down").withName("web").scale(3);

    Conditions.await("3 left", TIMEOUT, () -> ownedPods("down", rs).size() == 3);
    assertThat(ownedPods("down", rs)).extracting(p -> p.getMetadata().getName()).doesNotContainAnyElementsOf(unready);
    assertThat(ownedPods("down", rs)).allSatisfy(p -> assertThat(ready(p)).isTrue());
    Conditions.await("SuccessfulDelete events", TIMEOUT, () -> events("down", "SuccessfulDelete").size() == 2);
    assertThat(events("down", "SuccessfulDelete")).extracting(Event::getMessage)
        .containsExactlyInAnyOrderElementsOf(unready.stream().map(n -> "Deleted pod: " + n).toList());
  }

  /** Expectations: however the informer lags, 30 replicas mean 30 creates, each one event. */
  @Test
  void createsExactlyAsManyPodsAsReplicas() {
    namespace("exact");
    Map<String, Boolean> seen = new ConcurrentHashMap<>();
    SharedIndexInformer<Pod> watcher = admin.pods().inNamespace("exact").inform(new ResourceEventHandler<>() {
      @Override public void onAdd(Pod pod) { seen.put(pod.getMetadata().getUid(), true); }
      @Override public void onUpdate(Pod old, Pod pod) { }
      @Override public void onDelete(Pod pod, boolean unknown) { }
    });
    try {
      admin.apps().replicaSets().inNamespace("exact").resource(replicaSet("exact", "web", 30)).create();
      awaitReady("exact", "web", 30);
      Conditions.await("30 SuccessfulCreate events", TIMEOUT, () -> events("exact", "SuccessfulCreate").size() >= 30);
      assertThat(seen).hasSize(30);
      assertThat(events("exact", "SuccessfulCreate")).hasSize(30);
    } finally {
      watcher.close();
    }
  }

  @Test
  void podsCountAsAvailableOnlyAfterMinReadySeconds() {
    namespace("minready");
    ReplicaSet rs = replicaSet("minready", "web", 2);
    rs.getSpec().setMinReadySeconds(3);
    admin.apps().replicaSets().inNamespace("minready").resource(rs).create();
    awaitReady("minready", "web", 2);
    assertThat(get("minready", "web").getStatus().getAvailableReplicas()).isIn(null, 0);
    Conditions.await("available after minReadySeconds", Duration.ofSeconds(15),
        () -> Integer.valueOf(2).equals(get("minready", "web").getStatus().getAvailableReplicas()));
  }

  @Test
  void aQuotaTooSmallSetsReplicaFailureAndFailedCreate() {
    namespace("quota");
    admin.resourceQuotas().inNamespace("quota").resource(new ResourceQuotaBuilder().withNewMetadata().withName("pods")
        .endMetadata().withNewSpec().addToHard("pods", new Quantity("2")).endSpec().build()).create();
    // as upstream's e2e ("Ensuring resource quota status is calculated"): the apiserver's first
    // recount of a new quota races with the first creates it charges
    Conditions.await("quota status calculated", TIMEOUT, () -> {
      var q = admin.resourceQuotas().inNamespace("quota").withName("pods").get();
      return q.getStatus() != null && q.getStatus().getHard() != null && q.getStatus().getHard().containsKey("pods")
          && q.getStatus().getUsed() != null && q.getStatus().getUsed().containsKey("pods");
    });
    admin.apps().replicaSets().inNamespace("quota").resource(replicaSet("quota", "web", 4)).create();

    Conditions.await("ReplicaFailure", TIMEOUT, () -> {
      var s = get("quota", "web").getStatus();
      return s != null && s.getConditions() != null && s.getConditions().stream()
          .anyMatch(c -> "ReplicaFailure".equals(c.getType()));
    });
    var failure = get("quota", "web").getStatus().getConditions().stream()
        .filter(c -> "ReplicaFailure".equals(c.getType())).findFirst().orElseThrow();
    assertThat(failure.getStatus()).isEqualTo("True");
    assertThat(failure.getReason()).isEqualTo("FailedCreate");
    assertThat(failure.getMessage()).contains("exceeded quota");
    Conditions.await("FailedCreate event", TIMEOUT, () -> !events("quota", "FailedCreate").isEmpty());
    assertThat(events("quota", "FailedCreate").get(0).getMessage()).startsWith("Error creating: ").contains("exceeded quota");
    Conditions.await("2 pods", TIMEOUT, () -> admin.pods().inNamespace("quota").list().getItems().size() == 2);
  }

  @Test
  void kubectlScalesAReplicationController() {
    Kubectl.assumeAvailable();
    namespace("rc");
    admin.replicationControllers().inNamespace("rc").resource(new ReplicationControllerBuilder().withNewMetadata()
        .withName("web").endMetadata().withNewSpec().withReplicas(2).addToSelector("app", "web").withNewTemplate()
        .withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec().addNewContainer().withName("c")
        .withImage("busybox").endContainer().endSpec().endTemplate().endSpec().build()).create();
    awaitRcReady(2);

    env.kubectl().run("scale", "rc", "web", "--replicas=4", "-n", "rc").assertOk();

    awaitRcReady(4);
    ReplicationController rc = admin.replicationControllers().inNamespace("rc").withName("web").get();
    assertThat(rc.getStatus().getFullyLabeledReplicas()).isEqualTo(4);
    assertThat(admin.pods().inNamespace("rc").list().getItems()).allSatisfy(p -> {
      assertThat(p.getMetadata().getName()).startsWith("web-");
      assertThat(p.getMetadata().getOwnerReferences()).singleElement().satisfies(r -> {
        assertThat(r.getKind()).isEqualTo("ReplicationController");
        assertThat(r.getApiVersion()).isEqualTo("v1");
      });
    });
    assertThat(env.kubectl().run("get", "rc", "web", "-n", "rc").assertOk().out()).containsPattern("web\\s+4\\s+4\\s+4");
  }

  static void awaitRcReady(int replicas) {
    Conditions.await("rc with " + replicas + " ready", TIMEOUT, () -> {
      ReplicationController rc = admin.replicationControllers().inNamespace("rc").withName("web").get();
      return rc.getStatus() != null && Integer.valueOf(replicas).equals(rc.getStatus().getReadyReplicas())
          && rc.getMetadata().getGeneration().equals(rc.getStatus().getObservedGeneration());
    });
  }

  static List<Event> events(String ns, String reason) {
    return admin.v1().events().inNamespace(ns).list().getItems().stream().filter(e -> reason.equals(e.getReason()))
        .collect(Collectors.toList());
  }
}
