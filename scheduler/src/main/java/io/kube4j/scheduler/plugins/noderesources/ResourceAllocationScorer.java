package io.kube4j.scheduler.plugins.noderesources;

import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.NodeScore;
import io.kube4j.scheduler.framework.Resource;
import java.util.List;

/**
 * Upstream's {@code resourceAllocationScorer} for NodeResourcesFit: per configured resource, what the
 * node can give ({@code allocatable}) and what it would have requested with the pod, then one of the
 * strategies combines them as a weighted average. CPU and memory count the node's pods' and the pod's
 * requests with missing requests as 100m / 200Mi; an extended resource the pod does not ask for is
 * left out.
 */
final class ResourceAllocationScorer {

  /** Upstream's {@code maxUtilization}: utilizations are percentages. */
  static final long MAX_UTILIZATION = 100;
  /** Upstream's {@code MaxCustomPriorityScore}: shape scores are 0-10. */
  static final long MAX_CUSTOM_PRIORITY_SCORE = 10;

  private final NodeResourcesFitArgs.ScoringStrategy strategy;

  ResourceAllocationScorer(NodeResourcesFitArgs.ScoringStrategy strategy) {
    this.strategy = strategy;
  }

  long score(Resource podNonZero, Resource podRequest, NodeInfo node) {
    List<NodeResourcesFitArgs.ResourceSpec> resources = strategy.resources();
    long[] requested = new long[resources.size()];
    long[] allocatable = new long[resources.size()];
    for (int i = 0; i < resources.size(); i++) {
      String name = resources.get(i).name();
      Resource alloc = node.allocatable();
      switch (name) {
        case Resource.CPU -> {
          allocatable[i] = alloc.milliCpu();
          requested[i] = node.nonZeroRequested().milliCpu() + podNonZero.milliCpu();
        }
        case Resource.MEMORY -> {
          allocatable[i] = alloc.memory();
          requested[i] = node.nonZeroRequested().memory() + podNonZero.memory();
        }
        case Resource.EPHEMERAL_STORAGE -> {
          allocatable[i] = alloc.ephemeralStorage();
          requested[i] = node.requested().ephemeralStorage() + podRequest.ephemeralStorage();
        }
        default -> {
          if (podRequest.scalar(name) != 0 && alloc.scalarResources().containsKey(name)) {
            allocatable[i] = alloc.scalar(name);
            requested[i] = node.requested().scalar(name) + podRequest.scalar(name);
          }
        }
      }
    }
    return switch (strategy.type()) {
      case LeastAllocated -> weighted(requested, allocatable, ResourceAllocationScorer::leastRequestedScore, false);
      case MostAllocated -> weighted(requested, allocatable, ResourceAllocationScorer::mostRequestedScore, false);
      case RequestedToCapacityRatio -> weighted(requested, allocatable, this::ratioScore, true);
    };
  }

  private interface PerResource {
    long score(long requested, long capacity);
  }

  /**
   * {@code sum(score_i * weight_i) / sum(weight_i)} over resources the node has. RequestedToCapacityRatio
   * leaves out resources scoring 0 and rounds; the others truncate.
   */
  private long weighted(long[] requested, long[] allocatable, PerResource f, boolean ratio) {
    long nodeScore = 0;
    long weightSum = 0;
    for (int i = 0; i < requested.length; i++) {
      if (allocatable[i] == 0) {
        continue;
      }
      long weight = strategy.resources().get(i).weight();
      long s = f.score(requested[i], allocatable[i]);
      if (!ratio || s > 0) {
        nodeScore += s * weight;
        weightSum += weight;
      }
    }
    if (weightSum == 0) {
      return 0;
    }
    return ratio ? Math.round((double) nodeScore / weightSum) : nodeScore / weightSum;
  }

  /** {@code (capacity - requested) * 100 / capacity}; 0 once over capacity. Worked example: 1000 of 4000 → 75. */
  static long leastRequestedScore(long requested, long capacity) {
    if (capacity == 0 || requested > capacity) {
      return 0;
    }
    return (capacity - requested) * NodeScore.MAX_NODE_SCORE / capacity;
  }

  /** {@code requested * 100 / capacity}, capped at 100. Worked example: 1000 of 4000 → 25. */
  static long mostRequestedScore(long requested, long capacity) {
    if (capacity == 0) {
      return 0;
    }
    return Math.min(requested, capacity) * NodeScore.MAX_NODE_SCORE / capacity;
  }

  private long ratioScore(long requested, long capacity) {
    long utilization = capacity == 0 || requested > capacity ? MAX_UTILIZATION : requested * MAX_UTILIZATION / capacity;
    return brokenLinear(strategy.shape(), utilization);
  }

  /**
   * The shape as a piecewise-linear function of utilization, its 0-10 scores scaled to 0-100 (upstream's
   * {@code BuildBrokenLinearFunction}). Worked example, shape {0%: 10, 100%: 0} (LeastAllocated-like):
   * 30% → {@code 100 + (0 - 100) * 30 / 100 = 70}. Left of the first point its score, right of the last its score.
   */
  static long brokenLinear(List<NodeResourcesFitArgs.UtilizationShapePoint> shape, long p) {
    long scale = NodeScore.MAX_NODE_SCORE / MAX_CUSTOM_PRIORITY_SCORE;
    for (int i = 0; i < shape.size(); i++) {
      if (p <= shape.get(i).utilization()) {
        if (i == 0) {
          return shape.get(0).score() * scale;
        }
        long s0 = shape.get(i - 1).score() * scale;
        long s1 = shape.get(i).score() * scale;
        long u0 = shape.get(i - 1).utilization();
        long u1 = shape.get(i).utilization();
        return s0 + (s1 - s0) * (p - u0) / (u1 - u0);
      }
    }
    return shape.get(shape.size() - 1).score() * scale;
  }
}
