package io.kube4j.controllermanager.statefulset;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StatefulSetsTest {

  @Test
  void ordinalsComeFromTheNameAndCondemnedPodsSortHighestFirst() {
    assertThat(StatefulSets.ordinal(pod("web-12"))).isEqualTo(12);
    assertThat(StatefulSets.parentName(pod("my-web-3"))).isEqualTo("my-web");
    assertThat(StatefulSets.ordinal(pod("web"))).isEqualTo(-1);
    List<Pod> condemned = new ArrayList<>(List.of(pod("web-3"), pod("web-5"), pod("web-4")));
    condemned.sort(StatefulSets.DESCENDING_ORDINAL);
    assertThat(condemned).extracting(p -> p.getMetadata().getName()).containsExactly("web-5", "web-4", "web-3");
  }

  @Test
  void ordinalRangeStartsAtSpecOrdinalsStart() {
    StatefulSet set = new StatefulSetBuilder(set(3)).editSpec().withNewOrdinals(5).endSpec().build();
    assertThat(StatefulSets.inOrdinalRange(pod("web-4"), set)).isFalse();
    assertThat(StatefulSets.inOrdinalRange(pod("web-5"), set)).isTrue();
    assertThat(StatefulSets.inOrdinalRange(pod("web-7"), set)).isTrue();
    assertThat(StatefulSets.inOrdinalRange(pod("web-8"), set)).isFalse();
  }

  @Test
  void aNewPodHasItsIdentityAndItsOwnClaims() {
    Pod pod = StatefulSets.newPod(set(3), 1);
    assertThat(pod.getMetadata().getName()).isEqualTo("web-1");
    assertThat(pod.getMetadata().getGenerateName()).isNull();
    assertThat(pod.getMetadata().getLabels()).containsEntry("statefulset.kubernetes.io/pod-name", "web-1")
        .containsEntry("apps.kubernetes.io/pod-index", "1").containsEntry("app", "web");
    assertThat(pod.getSpec().getHostname()).isEqualTo("web-1");
    assertThat(pod.getSpec().getSubdomain()).isEqualTo("nginx");
    assertThat(pod.getSpec().getVolumes()).singleElement()
        .satisfies(v -> assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("www-web-1"));
    assertThat(StatefulSets.identityMatches(set(3), pod)).isTrue();
    assertThat(StatefulSets.storageMatches(set(3), pod)).isTrue();
    assertThat(StatefulSets.claims(set(3), pod).get("www").getMetadata().getLabels()).containsEntry("app", "web");
  }

  @ParameterizedTest(name = "ordinal {0} with partition {1} is made at {2}")
  @CsvSource({"0, 2, current", "1, 2, current", "2, 2, update", "0, 0, update"})
  void aRecreatedPodBelowThePartitionKeepsTheCurrentRevision(int ordinal, int partition, String which) {
    StatefulSet set = new StatefulSetBuilder(set(3)).editSpec().withNewUpdateStrategy().withType("RollingUpdate")
        .withNewRollingUpdate().withPartition(partition).endRollingUpdate().endUpdateStrategy().endSpec().build();
    Pod pod = StatefulSets.newVersionedPod(set, set, "web-current", "web-update", ordinal, 0);
    assertThat(StatefulSets.podRevision(pod)).isEqualTo("web-" + which);
  }

  @ParameterizedTest(name = "whenScaled {0}, whenDeleted {1}, scaled down {2}: set ref {3}, pod ref {4}")
  @CsvSource({"Retain, Retain, false, false, false", "Retain, Retain, true, false, false",
      "Retain, Delete, false, true, false", "Retain, Delete, true, true, false",
      "Delete, Retain, false, false, false", "Delete, Retain, true, false, true",
      "Delete, Delete, false, true, false", "Delete, Delete, true, false, true"})
  void theRetentionPolicyBecomesOwnerReferences(String whenScaled, String whenDeleted, boolean scaledDown,
      boolean setRef, boolean podRef) {
    StatefulSet set = new StatefulSetBuilder(set(2)).editSpec().withNewPersistentVolumeClaimRetentionPolicy()
        .withWhenScaled(whenScaled).withWhenDeleted(whenDeleted).endPersistentVolumeClaimRetentionPolicy().endSpec().build();
    Pod pod = new PodBuilder(StatefulSets.newPod(set, scaledDown ? 2 : 1)).editMetadata().withUid("pod-uid").endMetadata()
        .build();
    var claim = new PersistentVolumeClaimBuilder().withNewMetadata().withName("www-web-1").endMetadata().build();
    ClaimRetention.update(claim, set, pod);
    assertThat(ClaimRetention.hasOwnerRef(claim, set)).isEqualTo(setRef);
    assertThat(ClaimRetention.hasOwnerRef(claim, pod)).isEqualTo(podRef);
    assertThat(ClaimRetention.matches(claim, set, pod)).isTrue();
    assertThat(ClaimRetention.update(claim, set, pod)).as("a second update changes nothing").isFalse();
  }

  @Test
  void aClaimStillOwnedByAnEarlierPodIsStale() {
    var claim = new PersistentVolumeClaimBuilder().withNewMetadata().withName("www-web-1").addNewOwnerReference()
        .withKind("Pod").withName("web-1").withUid("old").endOwnerReference().endMetadata().build();
    assertThat(ClaimRetention.isStale(claim, pod("web-1"))).isTrue();
    assertThat(ClaimRetention.isStale(claim, new PodBuilder(pod("web-1")).editMetadata().withUid("old").endMetadata()
        .build())).isFalse();
  }

  static StatefulSet set(int replicas) {
    return new StatefulSetBuilder().withNewMetadata().withName("web").withNamespace("default").withUid("set-uid")
        .endMetadata().withNewSpec().withReplicas(replicas).withServiceName("nginx").withNewSelector()
        .addToMatchLabels("app", "web").endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "web")
        .endMetadata().withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec()
        .endTemplate().addToVolumeClaimTemplates(new PersistentVolumeClaimBuilder().withNewMetadata().withName("www")
            .endMetadata().withNewSpec().withAccessModes("ReadWriteOnce").endSpec().build()).endSpec().build();
  }

  static Pod pod(String name) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata().withNewSpec()
        .endSpec().build();
  }
}
