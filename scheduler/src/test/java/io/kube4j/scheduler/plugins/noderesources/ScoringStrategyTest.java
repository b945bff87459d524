package io.kube4j.scheduler.plugins.noderesources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.plugins.noderesources.NodeResourcesFitArgs.ResourceSpec;
import io.kube4j.scheduler.plugins.noderesources.NodeResourcesFitArgs.ScoringStrategy;
import io.kube4j.scheduler.plugins.noderesources.NodeResourcesFitArgs.StrategyType;
import io.kube4j.scheduler.plugins.noderesources.NodeResourcesFitArgs.UtilizationShapePoint;
import io.kube4j.scheduler.testing.Nodes;
import io.kube4j.scheduler.testing.Pods;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After upstream's {@code most_allocated_test.go} and {@code requested_to_capacity_ratio_test.go}. */
class ScoringStrategyTest {

  static long score(NodeResourcesFitArgs args, Pod pod, NodeInfo node) {
    NodeResourcesFit fit = new NodeResourcesFit(args);
    CycleState state = new CycleState();
    fit.preScore(state, pod, List.of(node));
    return fit.score(state, pod, node);
  }

  static NodeInfo node(String cpu, String memory) {
    return new NodeInfo(Nodes.node("n").allocatable("cpu", cpu, "memory", memory, "pods", "110").build());
  }

  @Test
  void mostAllocatedPrefersTheFullerNode() {
    // pod: cpu 3000m, memory 5000. node1 4000m/10000: (75 + 50) / 2 = 62; node2 6000m/10000: (50 + 50) / 2 = 50
    Pod pod = Pods.pod("p").container("cpu", "1", "memory", "2000").container("cpu", "2", "memory", "3000").build();
    NodeResourcesFitArgs most = NodeResourcesFitArgs.of(StrategyType.MostAllocated);
    assertThat(score(most, pod, node("4", "10000"))).isEqualTo(62);
    assertThat(score(most, pod, node("6", "10000"))).isEqualTo(50);
    // LeastAllocated on the same nodes prefers the emptier: (25 + 50) / 2 = 37 and (50 + 50) / 2 = 50
    assertThat(score(NodeResourcesFitArgs.DEFAULT, pod, node("4", "10000"))).isEqualTo(37);
    assertThat(score(NodeResourcesFitArgs.DEFAULT, pod, node("6", "10000"))).isEqualTo(50);
  }

  @Test
  void mostAllocatedCapsAnOvercommittedResourceAt100() {
    // cpu 5000m on a 4000m node counts as 4000m: (100 + 50) / 2 = 75
    Pod pod = Pods.pod("p").container("cpu", "5", "memory", "5000").build();
    assertThat(score(NodeResourcesFitArgs.of(StrategyType.MostAllocated), pod, node("4", "10000"))).isEqualTo(75);
  }

  @Test
  void requestedToCapacityRatioFollowsTheShapeWithWeights() {
    // shape {0%: 0, 50%: 10, 100%: 10} (scores x10), cpu weight 3, memory weight 1;
    // cpu 1000m of 4000m = 25% → 50; memory 6Gi of 8Gi = 75% → 100; round((50 * 3 + 100) / 4) = round(62.5) = 63
    NodeResourcesFitArgs args = new NodeResourcesFitArgs(new ScoringStrategy(StrategyType.RequestedToCapacityRatio,
        List.of(new ResourceSpec("cpu", 3), new ResourceSpec("memory", 1)),
        List.of(new UtilizationShapePoint(0, 0), new UtilizationShapePoint(50, 10), new UtilizationShapePoint(100, 10))));
    Pod pod = Pods.pod("p").container("cpu", "1", "memory", "6Gi").build();
    assertThat(score(args, pod, node("4", "8Gi"))).isEqualTo(63);
  }

  @Test
  void brokenLinearInterpolatesAndClampsAtTheEnds() {
    List<UtilizationShapePoint> leastLike = List.of(new UtilizationShapePoint(0, 10), new UtilizationShapePoint(100, 0));
    assertThat(ResourceAllocationScorer.brokenLinear(leastLike, 30)).isEqualTo(70);
    List<UtilizationShapePoint> middle = List.of(new UtilizationShapePoint(20, 2), new UtilizationShapePoint(80, 8));
    assertThat(ResourceAllocationScorer.brokenLinear(middle, 10)).isEqualTo(20);
    assertThat(ResourceAllocationScorer.brokenLinear(middle, 50)).isEqualTo(50);
    assertThat(ResourceAllocationScorer.brokenLinear(middle, 90)).isEqualTo(80);
  }

  @Test
  void requestedToCapacityRatioLeavesOutResourcesScoringZero() {
    // shape {0%: 0, 100%: 10}: no cpu request, which counts as 100m: 100m of 4000m = 2% → 2;
    // memory 4Gi of 8Gi = 50% → 50; both > 0: (2 + 50) / 2 = 26
    NodeResourcesFitArgs args = new NodeResourcesFitArgs(new ScoringStrategy(StrategyType.RequestedToCapacityRatio,
        NodeResourcesFitArgs.DEFAULT_RESOURCES,
        List.of(new UtilizationShapePoint(0, 0), new UtilizationShapePoint(100, 10))));
    Pod pod = Pods.pod("p").container("memory", "4Gi").build();
    assertThat(score(args, pod, node("4", "8Gi"))).isEqualTo(26);
  }
}
