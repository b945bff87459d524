package io.kube4j.controllermanager.e2e;

import static io.kube4j.controllermanager.e2e.OwnedObjects.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpecBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.controllermanager.ControllerManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The garbage collector under the real kubectl: {@code kubectl delete --cascade=background|foreground|orphan}
 * of an owner with dependents and grand-dependents (ConfigMap owns Secrets own ConfigMaps; Deployment
 * owns ReplicaSet owns Pod), dependents of owners that never existed, and invalid cross-namespace
 * references.
 */
class GarbageCollectorIT {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  static TestCluster cluster;
  static ControllerManager manager;
  static KubernetesClient admin;
  static Kubectl kubectl;

  @BeforeAll
  static void start() throws IOException {
    Kubectl.assumeAvailable();
    cluster = TestCluster.startWithFullAdmission();
    Path dir = Files.createTempDirectory("garbage-collector-it");
    manager = ControllerManagerFixture.start(cluster, dir, "cm", () -> { });
    admin = cluster.adminClient();
    kubectl = new Kubectl(cluster.adminKubeconfig(), Files.createDirectories(dir.resolve("kubectl")));
  }

  @AfterAll
  static void stop() {
    if (manager != null) {
      manager.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void backgroundDeletionRemovesTheOwnerAtOnceThenCollectsDependentsAndGrandDependents() {
    OwnedObjects in = OwnedObjects.in(admin, "gc-background");
    ConfigMap root = in.configMap("root");
    ConfigMap keeper = in.configMap("keeper");
    Secret mid1 = in.secret("mid-1", ref(root, false));
    Secret mid2 = in.secret("mid-2", ref(root, false));
    in.configMap("leaf-1", ref(mid1, false));
    in.configMap("leaf-2", ref(mid2, false));
    in.configMap("two-owners", ref(root, false), ref(keeper, false));
    in.configMap("independent");

    Kubectl.Result deleted = kubectl.run("delete", "configmap", "root", "-n", "gc-background", "--cascade=background");

    deleted.assertOk();
    assertThat(in.getConfigMap("root")).isNull();
    Conditions.await("dependents and grand-dependents collected", TIMEOUT, () -> in.getSecret("mid-1") == null
        && in.getSecret("mid-2") == null && in.getConfigMap("leaf-1") == null && in.getConfigMap("leaf-2") == null);
    Conditions.await("the dangling reference removed from a dependent with another owner", TIMEOUT,
        () -> in.getConfigMap("two-owners").getMetadata().getOwnerReferences().size() == 1);
    assertThat(in.getConfigMap("two-owners").getMetadata().getOwnerReferences())
        .extracting(OwnerReference::getUid).containsExactly(keeper.getMetadata().getUid());
    assertThat(in.getConfigMap("independent")).isNotNull();
    assertThat(in.getConfigMap("keeper")).isNotNull();
  }

  @Test
  void foregroundDeletionDeletesGrandDependentsThenDependentsThenTheOwner() {
    OwnedObjects in = OwnedObjects.in(admin, "gc-foreground");
    ConfigMap root = in.configMap("root");
    Secret mid1 = in.secret("mid-1", ref(root, true));
    Secret mid2 = in.secret("mid-2", ref(root, true));
    in.configMap("leaf-1a", ref(mid1, true));
    in.configMap("leaf-1b", ref(mid1, true));
    // leaf-2 cannot go until its finalizer is removed: the chain above it must wait
    ConfigMap leaf2 = in.configMap("leaf-2", ref(mid2, true));
    leaf2.getMetadata().setFinalizers(List.of("example.com/hold"));
    admin.configMaps().inNamespace("gc-foreground").resource(leaf2).update();
    in.awaitCollectorCaughtUp();

    try (ChangeLog log = ChangeLog.watch(admin, "gc-foreground")) {
      kubectl.run("delete", "configmap", "root", "-n", "gc-foreground", "--cascade=foreground", "--wait=false")
          .assertOk();

      Conditions.await("the free branch collected", TIMEOUT, () -> in.getSecret("mid-1") == null);
      // the held branch: each owner still there, being deleted, waiting for its blocking dependent
      ConfigMap rootNow = in.getConfigMap("root");
      assertThat(rootNow.getMetadata().getDeletionTimestamp()).isNotNull();
      assertThat(rootNow.getMetadata().getFinalizers()).containsExactly("foregroundDeletion");
      Conditions.await("the dependent with dependents deleted in the foreground too", TIMEOUT,
          () -> in.getSecret("mid-2").getMetadata().getDeletionTimestamp() != null);
      assertThat(in.getSecret("mid-2").getMetadata().getFinalizers()).containsExactly("foregroundDeletion");
      Conditions.await("the grand-dependent deleted", TIMEOUT,
          () -> in.getConfigMap("leaf-2").getMetadata().getDeletionTimestamp() != null);
      assertThat(in.getConfigMap("root")).isNotNull();
      assertThat(in.getSecret("mid-2")).isNotNull();

      // whoever holds leaf-2 lets it go: then mid-2, then root
      kubectl.run("patch", "configmap", "leaf-2", "-n", "gc-foreground", "--type=merge", "-p",
          "{\"metadata\":{\"finalizers\":null}}").assertOk();
      kubectl.run("wait", "--for=delete", "configmap/root", "-n", "gc-foreground", "--timeout=30s").assertOk();

      assertThat(in.getSecret("mid-2")).isNull();
      assertThat(in.getConfigMap("leaf-2")).isNull();
      log.assertDeletedBefore("leaf-1a", "mid-1");
      log.assertDeletedBefore("leaf-1b", "mid-1");
      log.assertDeletedBefore("leaf-2", "mid-2");
      log.assertDeletedBefore("mid-1", "root");
      log.assertDeletedBefore("mid-2", "root");
    }
  }

  @Test
  void aDependentWithAnotherOwnerIsCutLooseFromAnOwnerDeletedInTheForeground() {
    OwnedObjects in = OwnedObjects.in(admin, "gc-foreground-shared");
    ConfigMap root = in.configMap("root");
    ConfigMap keeper = in.configMap("keeper");
    in.configMap("shared", ref(root, true), ref(keeper, false));
    in.awaitCollectorCaughtUp();

    // kubectl waits until root is gone: the shared dependent must stop blocking it
    kubectl.run("delete", "configmap", "root", "-n", "gc-foreground-shared", "--cascade=foreground",
        "--timeout=30s").assertOk();

    assertThat(in.getConfigMap("shared").getMetadata().getOwnerReferences())
        .extracting(OwnerReference::getUid).containsExactly(keeper.getMetadata().getUid());
  }

  @Test
  void aDeploymentsReplicaSetAndItsPodGoWithTheDeployment() {
    OwnedObjects.in(admin, "gc-apps");
    Conditions.await("the default service account", TIMEOUT,
        () -> admin.serviceAccounts().inNamespace("gc-apps").withName("default").get() != null);
    kubectl.run("create", "deployment", "web", "--image=nginx", "-n", "gc-apps").assertOk();
    // no deployment or replicaset controller yet: the chain is made by hand, as they would make it
    Deployment web = admin.apps().deployments().inNamespace("gc-apps").withName("web").get();
    ReplicaSet rs = admin.apps().replicaSets().inNamespace("gc-apps").resource(new ReplicaSetBuilder()
        .withNewMetadata().withName("web-1").withLabels(Map.of("app", "web"))
        .withOwnerReferences(controllerRef(web)).endMetadata()
        .withSpec(new ReplicaSetSpecBuilder().withReplicas(1).withSelector(web.getSpec().getSelector())
            .withTemplate(web.getSpec().getTemplate()).build())
        .build()).create();
    admin.pods().inNamespace("gc-apps").resource(new PodBuilder().withNewMetadata().withName("web-1-a")
        .withLabels(Map.of("app", "web")).withOwnerReferences(controllerRef(rs)).endMetadata()
        .withSpec(web.getSpec().getTemplate().getSpec()).build()).create();

    kubectl.run("delete", "deployment", "web", "-n", "gc-apps").assertOk();

    Conditions.await("the replica set and its pod collected", TIMEOUT,
        () -> admin.apps().replicaSets().inNamespace("gc-apps").withName("web-1").get() == null
            && admin.pods().inNamespace("gc-apps").withName("web-1-a").get() == null);
  }

  private static OwnerReference controllerRef(HasMetadata owner) {
    OwnerReference r = ref(owner, true);
    r.setController(true);
    return r;
  }

  @Test
  void orphanDeletionRemovesTheOwnerAndLeavesDependentsWithoutTheirReferenceToIt() {
    OwnedObjects in = OwnedObjects.in(admin, "gc-orphan");
    ConfigMap root = in.configMap("root");
    ConfigMap keeper = in.configMap("keeper");
    Secret mid = in.secret("mid", ref(root, true));
    in.configMap("leaf", ref(mid, false));
    in.configMap("dependent", ref(root, false));
    in.configMap("two-owners", ref(root, false), ref(keeper, false));
    in.awaitCollectorCaughtUp();

    // kubectl waits until the owner is gone, which needs the collector to remove the orphan finalizer
    kubectl.run("delete", "configmap", "root", "-n", "gc-orphan", "--cascade=orphan", "--timeout=30s").assertOk();

    assertThat(in.getConfigMap("root")).isNull();
    assertThat(in.getSecret("mid").getMetadata().getOwnerReferences()).isEmpty();
    assertThat(in.getConfigMap("dependent").getMetadata().getOwnerReferences()).isEmpty();
    assertThat(in.getConfigMap("two-owners").getMetadata().getOwnerReferences())
        .extracting(OwnerReference::getUid).containsExactly(keeper.getMetadata().getUid());
    // the grand-dependent keeps its (present) owner
    in.awaitCollectorCaughtUp();
    assertThat(in.getConfigMap("leaf").getMetadata().getOwnerReferences())
        .extracting(OwnerReference::getUid).containsExactly(mid.getMetadata().getUid());
  }

  @Test
  void aDependentOfAnOwnerThatNeverExistedIsDeleted() {
    OwnedObjects in = OwnedObjects.in(admin, "gc-never");
    ConfigMap real = in.configMap("real");
    in.configMap("orphaned", OwnedObjects.refToNothing());
    // a reference with the right name but another uid points at nothing either
    OwnerReference wrongUid = ref(real, false);
    wrongUid.setUid("00000000-0000-0000-0000-000000000000");
    in.secret("namesake", wrongUid);
    in.secret("owned", ref(real, false));

    Conditions.await("both collected", TIMEOUT,
        () -> in.getConfigMap("orphaned") == null && in.getSecret("namesake") == null);
    in.awaitCollectorCaughtUp();
    assertThat(in.getSecret("owned")).isNotNull();
    assertThat(in.getConfigMap("real")).isNotNull();
  }

  @Test
  void aClusterScopedDependentOfANamespacedOwnerIsReportedAndLeftAlone() {
    OwnedObjects in = OwnedObjects.in(admin, "gc-invalid");
    ConfigMap owner = in.configMap("owner");
    ClusterRole role = admin.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata()
        .withName("gc-invalid-owner").withOwnerReferences(ref(owner, false)).endMetadata().build()).create();

    Event event = awaitEvent("gc-invalid-owner", "default");

    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(event.getSource().getComponent()).isEqualTo("garbage-collector-controller");
    assertThat(event.getInvolvedObject().getKind()).isEqualTo("ClusterRole");
    assertThat(event.getInvolvedObject().getUid()).isEqualTo(role.getMetadata().getUid());
    assertThat(event.getMessage()).isEqualTo("ownerRef [v1/ConfigMap, namespace: , name: owner, uid: "
        + owner.getMetadata().getUid() + "] does not exist in namespace \"\"");
    in.awaitCollectorCaughtUp();
    assertThat(admin.rbac().clusterRoles().withName("gc-invalid-owner").get()).isNotNull();
    assertThat(kubectl.run("get", "events", "-A", "--field-selector=reason=OwnerRefInvalidNamespace").out())
        .contains("clusterrole/gc-invalid-owner");
  }

  @Test
  void aDependentNamingAnOwnerInAnotherNamespaceIsReportedAndCollected() {
    OwnedObjects a = OwnedObjects.in(admin, "gc-cross-a");
    OwnedObjects b = OwnedObjects.in(admin, "gc-cross-b");
    ConfigMap owner = a.configMap("owner");
    a.awaitCollectorCaughtUp();
    b.configMap("elsewhere", ref(owner, false));

    Event event = awaitEvent("elsewhere", "gc-cross-b");

    assertThat(event.getMessage()).isEqualTo("ownerRef [v1/ConfigMap, namespace: gc-cross-b, name: owner, uid: "
        + owner.getMetadata().getUid() + "] does not exist in namespace \"gc-cross-b\"");
    Conditions.await("the dependent collected: its owner is not in its namespace", TIMEOUT,
        () -> b.getConfigMap("elsewhere") == null);
    assertThat(a.getConfigMap("owner")).isNotNull();
  }

  private static Event awaitEvent(String involvedName, String namespace) {
    Conditions.await("an OwnerRefInvalidNamespace event on " + involvedName, TIMEOUT,
        () -> findEvent(involvedName, namespace).isPresent());
    return findEvent(involvedName, namespace).orElseThrow();
  }

  private static Optional<Event> findEvent(String involvedName, String namespace) {
    return admin.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> "OwnerRefInvalidNamespace".equals(e.getReason()))
        .filter(e -> involvedName.equals(e.getInvolvedObject().getName())).findFirst();
  }

  /**
   * Every change to ConfigMaps and Secrets in a namespace, in resourceVersion order. kube4j's
   * resourceVersions are etcd revisions, so they order changes across resources (clients of a real
   * cluster must not rely on that; a test of kube4j may).
   */
  static final class ChangeLog implements AutoCloseable {
    record Change(Watcher.Action action, String name, long resourceVersion) {}

    private final List<Change> changes = new ArrayList<>();
    private final List<Watch> watches = new ArrayList<>();

    static ChangeLog watch(KubernetesClient client, String namespace) {
      ChangeLog log = new ChangeLog();
      log.watches.add(client.configMaps().inNamespace(namespace).watch(log.watcher()));
      log.watches.add(client.secrets().inNamespace(namespace).watch(log.watcher()));
      return log;
    }

    private <T extends HasMetadata> Watcher<T> watcher() {
      return new Watcher<>() {
        @Override
        public void eventReceived(Action action, T obj) {
          synchronized (changes) {
            changes.add(new Change(action, obj.getMetadata().getName(),
                Long.parseLong(obj.getMetadata().getResourceVersion())));
          }
        }

        @Override
        public void onClose(WatcherException cause) {
        }
      };
    }

    long deletedAt(String name) {
      synchronized (changes) {
        return changes.stream().filter(c -> c.action() == Watcher.Action.DELETED && c.name().equals(name))
            .map(Change::resourceVersion).findFirst()
            .orElseThrow(() -> new AssertionError(name + " was not seen deleted; seen: " + sorted()));
      }
    }

    void assertDeletedBefore(String first, String then) {
      Conditions.await(then + " seen deleted", TIMEOUT, () -> {
        synchronized (changes) {
          return changes.stream().anyMatch(c -> c.action() == Watcher.Action.DELETED && c.name().equals(then));
        }
      });
      assertThat(deletedAt(first)).as("%s deleted before %s; changes: %s", first, then, sorted())
          .isLessThan(deletedAt(then));
    }

    private List<Change> sorted() {
      return changes.stream().sorted(Comparator.comparingLong(Change::resourceVersion)).toList();
    }

    @Override
    public void close() {
      watches.forEach(Watch::close);
    }
  }
}
