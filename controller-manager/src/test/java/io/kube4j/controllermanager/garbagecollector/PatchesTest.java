package io.kube4j.controllermanager.garbagecollector;

import static io.kube4j.controllermanager.garbagecollector.GraphObjects.configMap;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The patches the collector sends: the fields upstream's carry, and only those. */
class PatchesTest {

  private final GraphObjects.Meta a = configMap("ns", "a");
  private final GraphObjects.Meta b = configMap("ns", "b");
  private final GraphObjects.Meta dep = configMap("ns", "dep").blockingOwner(a).ownedBy(b).uid("dep-uid");

  @Test
  void aStrategicMergePatchDeletesReferencesByUidAndIsBoundToTheDependentsUid() {
    assertThat(Patches.deleteOwnerRefStrategicMerge("dep-uid", List.of("uid-ns-a", "uid-ns-b")))
        .isEqualTo("{\"metadata\":{\"ownerReferences\":[{\"$patch\":\"delete\",\"uid\":\"uid-ns-a\"},"
            + "{\"$patch\":\"delete\",\"uid\":\"uid-ns-b\"}],\"uid\":\"dep-uid\"}}");
  }

  @Test
  void aJsonMergePatchKeepsTheOtherReferencesAtTheResourceVersionRead() {
    assertThat(Patches.deleteOwnerRefJsonMerge(dep.build(), List.of("uid-ns-a")))
        .isEqualTo("{\"metadata\":{\"resourceVersion\":\"1\",\"ownerReferences\":[{\"apiVersion\":\"v1\","
            + "\"kind\":\"ConfigMap\",\"name\":\"b\",\"uid\":\"uid-ns-b\"}]}}");
  }

  @Test
  void unblockingSetsBlockOwnerDeletionFalseOnTheBlockingReferencesOnly() {
    Node n = Node.observed(dep.identity(), dep.build());

    assertThat(Patches.unblockOwnerReferencesStrategicMerge(n))
        .isEqualTo("{\"metadata\":{\"ownerReferences\":[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
            + "\"blockOwnerDeletion\":false,\"name\":\"a\",\"uid\":\"uid-ns-a\"}],\"uid\":\"dep-uid\"}}");
  }

  @Test
  void removingAFinalizerIsConditionalOnTheResourceVersion() {
    assertThat(Patches.finalizers("42", List.of("example.com/keep")))
        .isEqualTo("{\"metadata\":{\"resourceVersion\":\"42\",\"finalizers\":[\"example.com/keep\"]}}");
  }
}
