package io.kube4j.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.TestCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The apiserver through the Fabric8 client: CRUD and the semantics clients rely on. */
class Fabric8ClientIT {

  /** A small watch window, so that a test can push a revision out of it. */
  static final int WATCH_WINDOW = 50;

  static TestCluster cluster;
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(Duration.ofMillis(200), WATCH_WINDOW);
    client = cluster.adminClient();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static String namespace(String name) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    return name;
  }

  private static ConfigMap cm(String name, Map<String, String> labels) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
        .addToData("k", "v").build();
  }

  @Test
  void createGetUpdateDeleteRoundTrip() {
    String ns = namespace("crud");
    ConfigMap created = client.configMaps().inNamespace(ns).resource(cm("a", Map.of())).create();
    assertThat(created.getMetadata().getUid()).isNotEmpty();
    assertThat(created.getMetadata().getCreationTimestamp()).isNotEmpty();
    assertThat(created.getMetadata().getResourceVersion()).isNotEmpty();

    ConfigMap read = client.configMaps().inNamespace(ns).withName("a").get();
    assertThat(read.getData()).containsEntry("k", "v");
    assertThat(read.getMetadata().getResourceVersion()).isEqualTo(created.getMetadata().getResourceVersion());

    read.getData().put("k", "w");
    ConfigMap updated = client.configMaps().inNamespace(ns).resource(read).update();
    assertThat(updated.getData()).containsEntry("k", "w");
    assertThat(Long.parseLong(updated.getMetadata().getResourceVersion()))
        .isGreaterThan(Long.parseLong(created.getMetadata().getResourceVersion()));

    client.configMaps().inNamespace(ns).withName("a").delete();
    assertThat(client.configMaps().inNamespace(ns).withName("a").get()).isNull();
  }

  @Test
  void generateNameGivesAUniqueName() {
    String ns = namespace("genname");
    ConfigMap c = new ConfigMapBuilder().withNewMetadata().withGenerateName("gen-").endMetadata().build();
    ConfigMap a = client.configMaps().inNamespace(ns).resource(c).create();
    ConfigMap b = client.configMaps().inNamespace(ns).resource(c).create();
    assertThat(a.getMetadata().getName()).startsWith("gen-").hasSize(9);
    assertThat(a.getMetadata().getName()).isNotEqualTo(b.getMetadata().getName());
  }

  @Test
  void createOfAnExistingObjectIsAlreadyExists() {
    String ns = namespace("exists");
    client.configMaps().inNamespace(ns).resource(cm("a", Map.of())).create();
    assertThatThrownBy(() -> client.configMaps().inNamespace(ns).resource(cm("a", Map.of())).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(409);
          assertThat(e.getStatus().getReason()).isEqualTo("AlreadyExists");
          assertThat(e.getStatus().getMessage()).isEqualTo("configmaps \"a\" already exists");
        });
  }

  @Test
  void updateWithAStaleResourceVersionIsAConflict() {
    String ns = namespace("conflict");
    ConfigMap first = client.configMaps().inNamespace(ns).resource(cm("a", Map.of())).create();
    ConfigMap second = client.configMaps().inNamespace(ns).withName("a").edit(c -> {
      c.getData().put("k", "second");
      return c;
    });
    first.getData().put("k", "stale");
    assertThatThrownBy(() -> client.configMaps().inNamespace(ns).resource(first).update())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(409);
          assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
          assertThat(e.getStatus().getMessage()).isEqualTo("Operation cannot be fulfilled on configmaps \"a\": "
              + "the object has been modified; please apply your changes to the latest version and try again");
        });
    assertThat(client.configMaps().inNamespace(ns).withName("a").get().getData()).containsEntry("k", "second");
    assertThat(second.getData()).containsEntry("k", "second");
  }

  @Test
  void createInAMissingNamespaceIsNotFound() {
    assertThatThrownBy(() -> client.configMaps().inNamespace("nowhere").resource(cm("a", Map.of())).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(404);
          assertThat(e.getStatus().getMessage()).isEqualTo("namespaces \"nowhere\" not found");
        });
  }

  @Test
  void objectWithFinalizersIsOnlyMarkedUntilTheLastFinalizerIsRemoved() {
    String ns = namespace("finalizers");
    ConfigMap c = cm("f", Map.of());
    c.getMetadata().setFinalizers(List.of("example.com/hold"));
    client.configMaps().inNamespace(ns).resource(c).create();

    client.configMaps().inNamespace(ns).withName("f").delete();
    ConfigMap marked = client.configMaps().inNamespace(ns).withName("f").get();
    assertThat(marked).isNotNull();
    assertThat(marked.getMetadata().getDeletionTimestamp()).isNotEmpty();
    assertThat(marked.getMetadata().getDeletionGracePeriodSeconds()).isZero();

    client.configMaps().inNamespace(ns).withName("f").edit(x -> {
      x.getMetadata().setFinalizers(List.of());
      return x;
    });
    assertThat(client.configMaps().inNamespace(ns).withName("f").get()).isNull();
  }

  @Test
  void labelAndFieldSelectorsFilterLists() {
    String ns = namespace("selectors");
    client.configMaps().inNamespace(ns).resource(cm("a", Map.of("env", "a", "tier", "web"))).create();
    client.configMaps().inNamespace(ns).resource(cm("b", Map.of("env", "b"))).create();
    client.configMaps().inNamespace(ns).resource(cm("c", Map.of("env", "c"))).create();

    assertThat(names(client.configMaps().inNamespace(ns).withLabel("env", "a").list())).containsExactly("a");
    assertThat(names(client.configMaps().inNamespace(ns).withLabelIn("env", "a", "b").list())).containsExactly("a", "b");
    assertThat(names(client.configMaps().inNamespace(ns).withoutLabel("env", "a").list())).containsExactly("b", "c");
    assertThat(names(client.configMaps().inNamespace(ns).withLabel("tier").list())).containsExactly("a");
    assertThat(names(client.configMaps().inNamespace(ns).withField("metadata.name", "c").list())).containsExactly("c");
  }

  @Test
  void paginationWalksOneConsistentSnapshot() {
    String ns = namespace("paging");
    for (int i = 0; i < 7; i++) {
      client.configMaps().inNamespace(ns).resource(cm("p" + i, Map.of())).create();
    }
    ConfigMapList page1 = client.configMaps().inNamespace(ns).list(new ListOptionsBuilder().withLimit(3L).build());
    client.configMaps().inNamespace(ns).resource(cm("p9-late", Map.of())).create();
    ConfigMapList page2 = client.configMaps().inNamespace(ns).list(new ListOptionsBuilder().withLimit(3L)
        .withContinue(page1.getMetadata().getContinue()).build());
    ConfigMapList page3 = client.configMaps().inNamespace(ns).list(new ListOptionsBuilder().withLimit(3L)
        .withContinue(page2.getMetadata().getContinue()).build());

    assertThat(names(page1)).containsExactly("p0", "p1", "p2");
    assertThat(page1.getMetadata().getRemainingItemCount()).isEqualTo(4L);
    assertThat(names(page2)).containsExactly("p3", "p4", "p5");
    assertThat(names(page3)).containsExactly("p6");
    assertThat(page3.getMetadata().getContinue()).isNullOrEmpty();
    assertThat(page2.getMetadata().getResourceVersion()).isEqualTo(page1.getMetadata().getResourceVersion());
  }

  @Test
  void watchResumesFromAResourceVersionWithoutMissingEvents() throws Exception {
    String ns = namespace("resume");
    ConfigMap a = client.configMaps().inNamespace(ns).resource(cm("a", Map.of())).create();
    String resumeFrom = a.getMetadata().getResourceVersion();
    client.configMaps().inNamespace(ns).withName("a").edit(c -> {
      c.getData().put("k", "2");
      return c;
    });
    client.configMaps().inNamespace(ns).resource(cm("b", Map.of())).create();
    client.configMaps().inNamespace(ns).withName("a").delete();

    List<String> seen = new CopyOnWriteArrayList<>();
    try (Watch w = client.configMaps().inNamespace(ns).watch(
        new ListOptionsBuilder().withResourceVersion(resumeFrom).build(), recorder(seen, new CompletableFuture<>()))) {
      Conditions.await("three events after " + resumeFrom, Duration.ofSeconds(10), () -> seen.size() >= 3);
    }
    assertThat(seen).containsExactly("MODIFIED a", "ADDED b", "DELETED a");
  }

  @Test
  void watchSeesChangesAsTheyHappen() throws Exception {
    String ns = namespace("live");
    List<String> seen = new CopyOnWriteArrayList<>();
    String rv = client.configMaps().inNamespace(ns).list().getMetadata().getResourceVersion();
    try (Watch w = client.configMaps().inNamespace(ns).watch(new ListOptionsBuilder().withResourceVersion(rv).build(),
        recorder(seen, new CompletableFuture<>()))) {
      client.configMaps().inNamespace(ns).resource(cm("x", Map.of())).create();
      Conditions.await("ADDED x", Duration.ofSeconds(10), () -> seen.contains("ADDED x"));
      client.configMaps().inNamespace(ns).withName("x").delete();
      Conditions.await("DELETED x", Duration.ofSeconds(10), () -> seen.contains("DELETED x"));
    }
    assertThat(seen).containsExactly("ADDED x", "DELETED x");
  }

  @Test
  void watchFromAResourceVersionOutsideTheWatchWindowEndsWith410Gone() throws Exception {
    String ns = namespace("gone");
    String old = client.configMaps().inNamespace(ns).resource(cm("old", Map.of())).create()
        .getMetadata().getResourceVersion();
    for (int i = 0; i <= WATCH_WINDOW; i++) {
      client.configMaps().inNamespace(ns).withName("old").edit(c -> {
        c.getData().put("k", c.getData().get("k") + "x");
        return c;
      });
    }
    CompletableFuture<WatcherException> closed = new CompletableFuture<>();
    try (Watch w = client.configMaps().inNamespace(ns).watch(new ListOptionsBuilder().withResourceVersion(old).build(),
        recorder(new CopyOnWriteArrayList<>(), closed))) {
      WatcherException e = closed.get(10, TimeUnit.SECONDS);
      assertThat(e.isHttpGone()).isTrue();
      assertThat(e.getMessage()).contains("too old resource version");
    }
  }

  @Test
  void watchWithBookmarksReceivesThem() throws Exception {
    String ns = namespace("bookmarks");
    String rv = client.configMaps().inNamespace(ns).list().getMetadata().getResourceVersion();
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Watch w = client.configMaps().inNamespace(ns).watch(new ListOptionsBuilder().withResourceVersion(rv)
        .withAllowWatchBookmarks(true).build(), recorder(seen, new CompletableFuture<>()))) {
      Conditions.await("a bookmark", Duration.ofSeconds(10), () -> seen.stream().anyMatch(s -> s.startsWith("BOOKMARK")));
    }
  }

  @Test
  void aSelectorWatchSeesObjectsEnterAndLeaveItsSelection() throws Exception {
    String ns = namespace("entering");
    client.configMaps().inNamespace(ns).resource(cm("m", Map.of())).create();
    List<String> seen = new CopyOnWriteArrayList<>();
    String rv = client.configMaps().inNamespace(ns).list().getMetadata().getResourceVersion();
    try (Watch w = client.configMaps().inNamespace(ns).withLabel("team", "blue")
        .watch(new ListOptionsBuilder().withResourceVersion(rv).build(), recorder(seen, new CompletableFuture<>()))) {
      client.configMaps().inNamespace(ns).withName("m").edit(c -> {
        c.getMetadata().setLabels(Map.of("team", "blue"));
        return c;
      });
      client.configMaps().inNamespace(ns).withName("m").edit(c -> {
        c.getData().put("k", "changed");
        return c;
      });
      client.configMaps().inNamespace(ns).withName("m").edit(c -> {
        c.getMetadata().setLabels(Map.of("team", "red"));
        return c;
      });
      Conditions.await("enter, change, leave", Duration.ofSeconds(10), () -> seen.size() >= 3);
    }
    assertThat(seen).containsExactly("ADDED m", "MODIFIED m", "DELETED m");
  }

  private static Watcher<ConfigMap> recorder(List<String> seen, CompletableFuture<WatcherException> closed) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, ConfigMap resource) {
        seen.add(action + " " + (action == Action.BOOKMARK ? "" : resource.getMetadata().getName()));
      }

      @Override
      public void onClose(WatcherException cause) {
        closed.complete(cause);
      }
    };
  }

  private static List<String> names(ConfigMapList l) {
    return l.getItems().stream().map(c -> c.getMetadata().getName()).sorted().toList();
  }
}
