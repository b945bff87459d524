package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The disruption controller and the eviction subresource together, driven by the real
 * {@code kubectl drain}: a budget of {@code minAvailable: 2} over three Ready pods lets drain evict
 * one pod at a time, each only after its replacement on another node is Ready, and a watcher sees
 * the number of Ready pods never fall below 2 during the whole drain.
 */
class DisruptionIT {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static final String NS = "shop";

  static ControllerManagerEnvironment env;
  static SimulatedKubelets kubelets;

  @BeforeAll
  static void start() {
    Kubectl.assumeAvailable();
    // the test stands in for the ReplicaSet controller (it re-creates each evicted pod itself)
    env = ControllerManagerEnvironment.start("disruption-it", TestCluster::startWithFullAdmission,
        o -> o.withControllers(List.of("*", "-replicaset")));
    kubelets = new SimulatedKubelets(env.admin, "node", 2);
    env.admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
    // the ServiceAccount admission plugin refuses pods until the controller made the default account
    Conditions.await("the default service account", TIMEOUT,
        () -> env.admin.serviceAccounts().inNamespace(NS).withName("default").get() != null);
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

  static Pod webPod(String name, ReplicaSet owner, String node) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS).addToLabels("app", "web")
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet")
            .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true)
            .withBlockOwnerDeletion(true).build()).endMetadata()
        .withNewSpec().withNodeName(node).addNewContainer().withName("web").withImage("busybox").endContainer()
        .endSpec().build();
  }

  PodDisruptionBudget pdb(String name) {
    return env.admin.policy().v1().podDisruptionBudget().inNamespace(NS).withName(name).get();
  }

  @Test
  void drainEvictsOnlyAsTheBudgetAllows() throws Exception {
    // a ReplicaSet object gives the pods a controller (kubectl drain refuses unmanaged pods); no
    // ReplicaSet controller runs here: the test re-creates each evicted pod itself, unbound, and the
    // simulated kubelets bind it to the node that is not cordoned
    ReplicaSet rs = env.admin.apps().replicaSets().inNamespace(NS).resource(new ReplicaSetBuilder().withNewMetadata()
        .withName("web").endMetadata().withNewSpec().withReplicas(3).withNewSelector().addToMatchLabels("app", "web")
        .endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec()
        .addNewContainer().withName("web").withImage("busybox").endContainer().endSpec().endTemplate().endSpec().build())
        .create();
    for (int i = 0; i < 3; i++) {
      env.admin.pods().inNamespace(NS).resource(webPod("web-" + i, rs, "node-0")).create();
    }
    env.admin.policy().v1().podDisruptionBudget().inNamespace(NS).resource(new PodDisruptionBudgetBuilder()
        .withNewMetadata().withName("web").endMetadata().withNewSpec().withMinAvailable(new IntOrString(2))
        .withNewSelector().addToMatchLabels("app", "web").endSelector().endSpec().build()).create();
    Conditions.await("the budget allows one disruption", TIMEOUT, () -> {
      PodDisruptionBudget p = pdb("web");
      return p.getStatus() != null && Integer.valueOf(1).equals(p.getStatus().getDisruptionsAllowed())
          && Integer.valueOf(3).equals(p.getStatus().getCurrentHealthy());
    });
    assertThat(pdb("web").getStatus().getDesiredHealthy()).isEqualTo(2);
    assertThat(pdb("web").getStatus().getExpectedPods()).isEqualTo(3);
    assertThat(env.kubectl().run("get", "pdb", "web", "-n", NS).assertOk().out())
        .containsPattern("web\\s+2\\s+N/A\\s+1");

    // the invariant, watched over the whole drain: at least 2 Ready web pods
    Map<String, Boolean> ready = new ConcurrentHashMap<>();
    AtomicInteger lowest = new AtomicInteger(Integer.MAX_VALUE);
    Watch watch = env.admin.pods().inNamespace(NS).withLabel("app", "web").watch(new Watcher<>() {
      @Override public void eventReceived(Action action, Pod pod) {
        boolean isReady = action != Action.DELETED && pod.getMetadata().getDeletionTimestamp() == null
            && pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
            .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        ready.put(pod.getMetadata().getName(), isReady);
        lowest.accumulateAndGet((int) ready.values().stream().filter(b -> b).count(), Math::min);
      }

      @Override public void onClose(WatcherException e) { }
    });
    Conditions.await("the watcher saw 3 Ready pods", TIMEOUT,
        () -> ready.values().stream().filter(b -> b).count() == 3);
    lowest.set(3);

    // the test's stand-in for the ReplicaSet controller: a deleted pod is replaced, unbound
    AtomicInteger replacements = new AtomicInteger();
    Set<String> evicted = ConcurrentHashMap.newKeySet();
    SharedIndexInformer<Pod> replacer = env.admin.pods().inNamespace(NS).withLabel("app", "web")
        .inform(new ResourceEventHandler<>() {
          @Override public void onAdd(Pod pod) { }

          @Override public void onUpdate(Pod old, Pod pod) { }

          @Override public void onDelete(Pod pod, boolean unknown) {
            evicted.add(pod.getMetadata().getName());
            env.admin.pods().inNamespace(NS).resource(webPod("web-r" + replacements.incrementAndGet(), rs, null)).create();
          }
        });
    try {
      Kubectl.Result drain = env.kubectl().run("drain", "node-0", "--ignore-daemonsets", "--timeout=90s");
      drain.assertOk();
      assertThat(drain.out()).contains("node/node-0 cordoned").contains("node/node-0 drained")
          .contains("pod/web-0 evicted").contains("pod/web-1 evicted").contains("pod/web-2 evicted");
      assertThat(drain.err()).as("at least one eviction had to wait for the budget")
          .contains("Cannot evict pod as it would violate the pod's disruption budget.");
    } finally {
      replacer.close();
      watch.close();
    }
    assertThat(evicted).containsExactlyInAnyOrder("web-0", "web-1", "web-2");
    assertThat(lowest.get()).as("fewest Ready web pods seen during the drain").isGreaterThanOrEqualTo(2);
    // the last replacement is created as drain returns: wait for the kubelets to bind it
    Conditions.await("every web pod bound to node-1", TIMEOUT, () -> env.admin.pods().inNamespace(NS)
        .withLabel("app", "web").list().getItems().stream().allMatch(p -> "node-1".equals(p.getSpec().getNodeName())));
    assertThat(env.admin.pods().inNamespace(NS).withLabel("app", "web").list().getItems()).hasSize(3)
        .allSatisfy(p -> assertThat(p.getSpec().getNodeName()).isEqualTo("node-1"));
    assertThat(env.admin.nodes().withName("node-0").get().getSpec().getUnschedulable()).isTrue();
  }
}
