package io.kube4j.scheduler.plugins.noderesources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodRequests;
import io.kube4j.scheduler.framework.Resource;
import io.kube4j.scheduler.framework.Status;
import io.kube4j.scheduler.testing.Nodes;
import io.kube4j.scheduler.testing.Pods;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class NodeResourcesFitTest {

  record RequestCase(String name, Pod pod, long milliCpu, long memory) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<RequestCase> requests() {
    return Stream.of(
        new RequestCase("containers add up", Pods.pod("p").container("cpu", "100m", "memory", "1Mi")
            .container("cpu", "200m", "memory", "2Mi").build(), 300, 3L << 20),
        new RequestCase("the larger init container wins over the containers' sum",
            Pods.pod("p").container("cpu", "100m").container("cpu", "200m").initContainer("cpu", "500m")
                .initContainer("cpu", "100m").build(), 500, 0),
        new RequestCase("init containers are not summed", Pods.pod("p").container("cpu", "1")
            .initContainer("cpu", "600m").initContainer("cpu", "600m").build(), 1000, 0),
        new RequestCase("max per resource: cpu from init, memory from containers", Pods.pod("p")
            .container("cpu", "100m", "memory", "1Gi").initContainer("cpu", "2", "memory", "10Mi").build(),
            2000, 1L << 30),
        new RequestCase("overhead is added after the max", Pods.pod("p").container("cpu", "100m")
            .initContainer("cpu", "500m").overhead("cpu", "50m").build(), 550, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void computesThePodRequest(RequestCase c) {
    Resource r = PodRequests.of(c.pod());
    assertThat(r.milliCpu()).isEqualTo(c.milliCpu());
    assertThat(r.memory()).isEqualTo(c.memory());
  }

  @Test
  void missingRequestsCountAsDefaultsOnlyForScoring() {
    Pod p = Pods.pod("p").build();
    assertThat(PodRequests.of(p).isZero()).isTrue();
    assertThat(PodRequests.nonZero(p).milliCpu()).isEqualTo(100);
    assertThat(PodRequests.nonZero(p).memory()).isEqualTo(200L * 1024 * 1024);
  }

  @Test
  void reportsEveryInsufficientResource() {
    NodeInfo node = new NodeInfo(Nodes.node("n").allocatable("cpu", "1", "memory", "1Gi", "pods", "110").build());
    node.addPod(Pods.pod("existing").container("cpu", "800m", "memory", "512Mi").build(), 1);
    Status s = filter(Pods.pod("p").container("cpu", "300m", "memory", "600Mi").build(), node);
    assertThat(s.code()).isEqualTo(Code.UNSCHEDULABLE);
    assertThat(s.reasons()).containsExactly("Insufficient cpu", "Insufficient memory");
  }

  @Test
  void anInitContainerLargerThanTheFreeCpuDoesNotFit() {
    NodeInfo node = new NodeInfo(Nodes.node("n").allocatable("cpu", "2", "memory", "1Gi", "pods", "110").build());
    node.addPod(Pods.pod("existing").container("cpu", "1").build(), 1);
    assertThat(filter(Pods.pod("p").container("cpu", "500m").build(), node).isSuccess()).isTrue();
    Status s = filter(Pods.pod("p").container("cpu", "500m").initContainer("cpu", "1500m").build(), node);
    assertThat(s.reasons()).containsExactly("Insufficient cpu");
  }

  @Test
  void aRequestLargerThanTheWholeNodeIsUnresolvable() {
    NodeInfo node = new NodeInfo(Nodes.node("n").allocatable("cpu", "1", "memory", "1Gi", "pods", "110").build());
    Status s = filter(Pods.pod("p").container("cpu", "2").build(), node);
    assertThat(s.code()).isEqualTo(Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
  }

  @Test
  void countsPodsAgainstAllocatablePods() {
    NodeInfo node = new NodeInfo(Nodes.node("n").allocatable("cpu", "1", "memory", "1Gi", "pods", "1").build());
    node.addPod(Pods.pod("existing").build(), 1);
    assertThat(filter(Pods.pod("p").build(), node).reasons()).containsExactly("Too many pods");
  }

  @Test
  void leastAllocatedAveragesTheFreeFractionOfCpuAndMemory() {
    NodeInfo node = new NodeInfo(Nodes.node("n").allocatable("cpu", "4", "memory", "8Gi", "pods", "110").build());
    node.addPod(Pods.pod("existing").container("cpu", "500m", "memory", "4Gi").build(), 1);
    Pod pod = Pods.pod("p").container("cpu", "500m", "memory", "2Gi").build();
    NodeResourcesFit fit = new NodeResourcesFit();
    CycleState state = new CycleState();
    fit.preScore(state, pod, java.util.List.of(node));
    // cpu: (4000 - 1000) * 100 / 4000 = 75; memory: (8Gi - 6Gi) * 100 / 8Gi = 25; (75 + 25) / 2 = 50
    assertThat(fit.score(state, pod, node)).isEqualTo(50);
  }

  @Test
  void balancedAllocationPrefersEvenUse() {
    NodeInfo node = new NodeInfo(Nodes.node("n").allocatable("cpu", "4", "memory", "8Gi", "pods", "110").build());
    Pod pod = Pods.pod("p").container("cpu", "2", "memory", "6400Mi").build();
    var plugin = new NodeResourcesBalancedAllocation();
    CycleState state = new CycleState();
    plugin.preScore(state, pod, java.util.List.of(node));
    // cpu 50%, memory 78.125%: (1 - 0.140625) * 100 = 85
    assertThat(plugin.score(state, pod, node)).isEqualTo(85);
  }

  private static Status filter(Pod pod, NodeInfo node) {
    NodeResourcesFit fit = new NodeResourcesFit();
    CycleState state = new CycleState();
    fit.preFilter(state, pod);
    return fit.filter(state, pod, node);
  }
}
