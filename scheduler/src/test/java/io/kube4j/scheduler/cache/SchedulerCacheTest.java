package io.kube4j.scheduler.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kube4j.scheduler.testing.Nodes;
import io.kube4j.scheduler.testing.Pods;
import org.junit.jupiter.api.Test;

class SchedulerCacheTest {

  final SchedulerCache cache = new SchedulerCache();
  final Snapshot snapshot = new Snapshot();

  SchedulerCacheTest() {
    cache.addNode(Nodes.node("n1").allocatable("cpu", "2", "memory", "4Gi", "pods", "110").build());
  }

  @Test
  void anAssumedPodCountsInTheNextSnapshotBeforeItIsBound() {
    cache.updateSnapshot(snapshot);
    assertThat(snapshot.get("n1").requested().milliCpu()).isZero();

    cache.assumePod(on(Pods.pod("p").container("cpu", "500m").build(), "n1"));
    cache.updateSnapshot(snapshot);
    assertThat(snapshot.get("n1").requested().milliCpu()).isEqualTo(500);
  }

  @Test
  void theInformerConfirmingAnAssumedPodDoesNotCountItTwice() {
    Pod assumed = on(Pods.pod("p").container("cpu", "500m").build(), "n1");
    cache.assumePod(assumed);
    cache.addPod(assumed);
    cache.updateSnapshot(snapshot);
    assertThat(snapshot.get("n1").requested().milliCpu()).isEqualTo(500);
    assertThat(cache.isAssumed(assumed)).isFalse();
  }

  @Test
  void aForgottenPodFreesItsRequests() {
    Pod assumed = on(Pods.pod("p").container("cpu", "500m").build(), "n1");
    cache.assumePod(assumed);
    cache.forgetPod(assumed);
    cache.updateSnapshot(snapshot);
    assertThat(snapshot.get("n1").requested().milliCpu()).isZero();
    assertThat(snapshot.get("n1").podCount()).isZero();
  }

  @Test
  void aSnapshotIsNotChangedByLaterCacheUpdatesUntilRefreshed() {
    cache.updateSnapshot(snapshot);
    var before = snapshot.get("n1");
    cache.addPod(on(Pods.pod("p").container("cpu", "1").build(), "n1"));
    assertThat(before.requested().milliCpu()).isZero();
    cache.updateSnapshot(snapshot);
    assertThat(snapshot.get("n1").requested().milliCpu()).isEqualTo(1000);
  }

  @Test
  void aDeletedNodeLeavesTheSnapshot() {
    cache.addNode(Nodes.node("n2").allocatable("pods", "110").build());
    cache.updateSnapshot(snapshot);
    assertThat(snapshot.numNodes()).isEqualTo(2);
    cache.removeNode(Nodes.node("n2").build());
    cache.updateSnapshot(snapshot);
    assertThat(snapshot.nodeInfoList()).extracting(n -> n.name()).containsExactly("n1");
  }

  private static Pod on(Pod pod, String node) {
    return new PodBuilder(pod).editSpec().withNodeName(node).endSpec().build();
  }
}
