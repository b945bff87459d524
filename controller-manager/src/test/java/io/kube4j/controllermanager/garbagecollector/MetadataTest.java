package io.kube4j.controllermanager.garbagecollector;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/** What the collector keeps of an object, in its monitors' caches and its graph: metadata only. */
class MetadataTest {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private final GenericKubernetesResource secretLike = JSON.convertValue(new ConfigMapBuilder()
      .withNewMetadata().withNamespace("ns").withName("cm").withUid("u1").withResourceVersion("7")
      .addToLabels("app", "web").addToFinalizers("example.com/hold")
      .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("v1").withKind("ConfigMap").withName("o")
          .withUid("u0").withBlockOwnerDeletion(true).build())
      .endMetadata().addToData("password", "hunter2").build(), GenericKubernetesResource.class);

  @Test
  void aMonitorsCacheKeepsTheMetadataTheGraphNeedsAndDropsTheData() {
    MetadataOnlyStore store = new MetadataOnlyStore("v1", "ConfigMap");

    store.put(store.getKey(secretLike), secretLike);
    GenericKubernetesResource back = store.get("ns/cm");

    assertThat(store.getKey(secretLike)).isEqualTo("ns/cm");
    assertThat(back.getAdditionalProperties()).doesNotContainKey("data");
    assertThat(JSON.asJson(back)).doesNotContain("hunter2").doesNotContain("app");
    assertThat(back.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(back.getMetadata().getUid()).isEqualTo("u1");
    assertThat(back.getMetadata().getFinalizers()).containsExactly("example.com/hold");
    assertThat(back.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(r -> assertThat(r.getBlockOwnerDeletion()).isTrue());
    assertThat(store.metadata("ns/cm").orElseThrow().ownerReferences())
        .containsExactly(new OwnerReference("v1", "ConfigMap", "o", "u0", null, true));
    assertThat(store.remove("ns/cm").getMetadata().getName()).isEqualTo("cm");
    assertThat(store.size()).isZero();
  }

  @Test
  void onlyOwnersFinalizersAndDeletionMatterToTheGraph() {
    ObjectMetadata m = ObjectMetadata.of(secretLike);
    ObjectMetadata newVersion = new ObjectMetadata("ns", "cm", "u1", "8", m.ownerReferences(), m.finalizers(), null);
    ObjectMetadata deleting = new ObjectMetadata("ns", "cm", "u1", "9", m.ownerReferences(), m.finalizers(), "now");
    ObjectMetadata disowned = new ObjectMetadata("ns", "cm", "u1", "9", java.util.List.of(), m.finalizers(), null);

    assertThat(newVersion.differsForGraph(m)).isFalse();
    assertThat(deleting.differsForGraph(m)).isTrue();
    assertThat(disowned.differsForGraph(m)).isTrue();
  }

  @Test
  void theAbsentOwnerCacheForgetsTheLeastRecentlyUsedFirst() {
    ReferenceCache cache = new ReferenceCache(2);
    ObjectReference a = new ObjectReference("v1", "ConfigMap", "a", "ua", "ns");
    ObjectReference b = new ObjectReference("v1", "ConfigMap", "b", "ub", "ns");
    ObjectReference c = new ObjectReference("v1", "ConfigMap", "c", "uc", "ns");
    cache.add(a);
    cache.add(b);
    assertThat(cache.has(a)).isTrue();

    cache.add(c);

    assertThat(cache.has(a)).isTrue();
    assertThat(cache.has(b)).isFalse();
    assertThat(cache.has(c)).isTrue();
    assertThat(cache.has(a.withNamespace(""))).as("the namespace is part of the key").isFalse();
  }
}
