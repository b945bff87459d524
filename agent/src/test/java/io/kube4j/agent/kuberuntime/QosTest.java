package io.kube4j.agent.kuberuntime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QosTest {

  private static final long GI = 1L << 30;

  static Container container(Map<String, String> requests, Map<String, String> limits) {
    ContainerBuilder b = new ContainerBuilder().withName("c").withImage("busybox");
    requests.forEach((k, v) -> b.editOrNewResources().addToRequests(k, new Quantity(v)).endResources());
    limits.forEach((k, v) -> b.editOrNewResources().addToLimits(k, new Quantity(v)).endResources());
    return b.build();
  }

  static Pod pod(Container... containers) {
    return new PodBuilder().withNewMetadata().withName("p").withNamespace("default").withUid("u1").endMetadata()
        .withNewSpec().withContainers(containers).endSpec().build();
  }

  @Test
  void noRequestsOrLimitsIsBestEffort() {
    Pod pod = pod(container(Map.of(), Map.of()));

    assertThat(Qos.of(pod)).isEqualTo(Qos.BEST_EFFORT);
    assertThat(Qos.containerOomScoreAdj(pod, pod.getSpec().getContainers().get(0), 8 * GI)).isEqualTo(1000);
    assertThat(Qos.podCgroupParent(pod, "/")).isEqualTo("/kubepods/besteffort/podu1");
  }

  @Test
  void equalCpuAndMemoryLimitsEverywhereIsGuaranteed() {
    Pod pod = pod(container(Map.of("cpu", "500m", "memory", "64Mi"), Map.of("cpu", "500m", "memory", "64Mi")));

    assertThat(Qos.of(pod)).isEqualTo(Qos.GUARANTEED);
    assertThat(Qos.containerOomScoreAdj(pod, pod.getSpec().getContainers().get(0), 8 * GI)).isEqualTo(-997);
    assertThat(Qos.podCgroupParent(pod, "/kube4j")).isEqualTo("/kube4j/kubepods/podu1");
  }

  @Test
  void limitsAloneCountAsRequestsAndGiveGuaranteed() {
    assertThat(Qos.of(pod(container(Map.of(), Map.of("cpu", "1", "memory", "1Gi"))))).isEqualTo(Qos.GUARANTEED);
  }

  @Test
  void aRequestBelowItsLimitIsBurstable() {
    assertThat(Qos.of(pod(container(Map.of("cpu", "100m", "memory", "64Mi"), Map.of("cpu", "1", "memory", "64Mi")))))
        .isEqualTo(Qos.BURSTABLE);
  }

  @Test
  void oneContainerWithoutLimitsMakesThePodBurstable() {
    assertThat(Qos.of(pod(container(Map.of(), Map.of("cpu", "1", "memory", "1Gi")), container(Map.of("cpu", "1"), Map.of()))))
        .isEqualTo(Qos.BURSTABLE);
  }

  @Test
  void burstableOomScoreFollowsTheShareOfNodeMemoryRequested() {
    Container oneGi = container(Map.of("memory", "1Gi"), Map.of());
    Container cpuOnly = container(Map.of("cpu", "100m"), Map.of());
    Container wholeNode = container(Map.of("memory", "8Gi"), Map.of());
    Pod pod = pod(oneGi);

    assertThat(Qos.containerOomScoreAdj(pod, oneGi, 8 * GI)).as("1 GiB of 8: 1000 - 125").isEqualTo(875);
    assertThat(Qos.containerOomScoreAdj(pod(cpuOnly), cpuOnly, 8 * GI)).as("below best-effort").isEqualTo(999);
    assertThat(Qos.containerOomScoreAdj(pod(wholeNode), wholeNode, 8 * GI)).as("above guaranteed").isEqualTo(3);
  }
}
