package io.kube4j.scheduler.plugins.noderesources;

import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.NodeScore;
import io.kube4j.scheduler.framework.PodRequests;
import io.kube4j.scheduler.framework.PreScorePlugin;
import io.kube4j.scheduler.framework.Resource;
import io.kube4j.scheduler.framework.ScorePlugin;
import io.kube4j.scheduler.framework.Status;
import java.util.List;

/**
 * Prefers nodes where CPU and memory would be used in equal proportion, so neither runs out while
 * the other sits idle. Score = {@code (1 - stddev(fractions)) * 100}; for two resources the standard
 * deviation is {@code |cpuFraction - memoryFraction| / 2}. Worked example: cpu 50% and memory 80%
 * requested → {@code (1 - 0.15) * 100 = 85}.
 */
public final class NodeResourcesBalancedAllocation implements PreScorePlugin, ScorePlugin {

  public static final String NAME = "NodeResourcesBalancedAllocation";
  static final String PRE_SCORE_STATE_KEY = "PreScore" + NAME;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status preScore(CycleState state, Pod pod, List<NodeInfo> nodes) {
    // upstream's useRequested: the pod's plain requests, not the 100m/200Mi defaults
    state.write(PRE_SCORE_STATE_KEY, PodRequests.of(pod));
    return Status.success();
  }

  @Override
  public long score(CycleState state, Pod pod, NodeInfo node) {
    Resource req = node.requested().plus(state.require(PRE_SCORE_STATE_KEY, Resource.class));
    Resource alloc = node.allocatable();
    if (alloc.milliCpu() == 0 || alloc.memory() == 0) {
      return 0;
    }
    double cpu = Math.min(1.0, (double) req.milliCpu() / alloc.milliCpu());
    double memory = Math.min(1.0, (double) req.memory() / alloc.memory());
    double std = Math.abs(cpu - memory) / 2;
    return (long) ((1 - std) * NodeScore.MAX_NODE_SCORE);
  }
}
