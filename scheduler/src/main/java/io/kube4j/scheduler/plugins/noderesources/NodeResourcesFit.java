package io.kube4j.scheduler.plugins.noderesources;

import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FilterPlugin;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodRequests;
import io.kube4j.scheduler.framework.PreFilterPlugin;
import io.kube4j.scheduler.framework.PreFilterResult;
import io.kube4j.scheduler.framework.PreScorePlugin;
import io.kube4j.scheduler.framework.Resource;
import io.kube4j.scheduler.framework.ScorePlugin;
import io.kube4j.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Filters out nodes without room for the pod's requests and scores the rest with the configured
 * strategy: LeastAllocated (upstream's default: the more left free after placing the pod, the better,
 * which spreads pods), MostAllocated (the fuller the better, which packs them so that whole nodes stay
 * free) or RequestedToCapacityRatio (a score per utilization given as a shape).
 */
public final class NodeResourcesFit implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {

  public static final String NAME = "NodeResourcesFit";
  static final String PRE_FILTER_STATE_KEY = "PreFilter" + NAME;
  static final String PRE_SCORE_STATE_KEY = "PreScore" + NAME;

  /** One insufficient resource, as upstream's {@code InsufficientResource}. */
  public record InsufficientResource(String resourceName, String reason, long requested, long used, long capacity,
      boolean unresolvable) {}

  private final ResourceAllocationScorer scorer;

  public NodeResourcesFit(NodeResourcesFitArgs args) {
    this.scorer = new ResourceAllocationScorer(args.scoringStrategy());
  }

  public NodeResourcesFit() {
    this(NodeResourcesFitArgs.DEFAULT);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PreFilterResult preFilter(CycleState state, Pod pod) {
    state.write(PRE_FILTER_STATE_KEY, PodRequests.of(pod));
    return PreFilterResult.success();
  }

  @Override
  public Status filter(CycleState state, Pod pod, NodeInfo node) {
    List<InsufficientResource> insufficient = fitsRequest(state.require(PRE_FILTER_STATE_KEY, Resource.class), node);
    if (insufficient.isEmpty()) {
      return Status.success();
    }
    String[] reasons = insufficient.stream().map(InsufficientResource::reason).toArray(String[]::new);
    // a request larger than the whole node cannot be helped by evicting anything
    return insufficient.stream().allMatch(InsufficientResource::unresolvable)
        ? Status.unschedulableAndUnresolvable(reasons) : Status.unschedulable(reasons);
  }

  /**
   * Every resource the node lacks for the request, not just the first: "why not this node" needs
   * them all. Worked example: allocatable cpu 2000m with 1500m requested by its pods; a pod asking
   * 600m gives {@code 600 > 2000 - 1500} → "Insufficient cpu".
   */
  public static List<InsufficientResource> fitsRequest(Resource podRequest, NodeInfo node) {
    List<InsufficientResource> out = new ArrayList<>();
    Resource allocatable = node.allocatable();
    Resource requested = node.requested();
    long allowedPods = allocatable.allowedPodNumber();
    if (node.podCount() + 1 > allowedPods) {
      out.add(new InsufficientResource(Resource.PODS, "Too many pods", 1, node.podCount(), allowedPods, false));
    }
    if (podRequest.isZero()) {
      return out;
    }
    check(out, Resource.CPU, podRequest.milliCpu(), requested.milliCpu(), allocatable.milliCpu());
    check(out, Resource.MEMORY, podRequest.memory(), requested.memory(), allocatable.memory());
    check(out, Resource.EPHEMERAL_STORAGE, podRequest.ephemeralStorage(), requested.ephemeralStorage(),
        allocatable.ephemeralStorage());
    for (Map.Entry<String, Long> e : new TreeMap<>(podRequest.scalarResources()).entrySet()) {
      check(out, e.getKey(), e.getValue(), requested.scalar(e.getKey()), allocatable.scalar(e.getKey()));
    }
    return out;
  }

  private static void check(List<InsufficientResource> out, String name, long request, long used, long capacity) {
    if (request > 0 && request > capacity - used) {
      out.add(new InsufficientResource(name, "Insufficient " + name, request, used, capacity, request > capacity));
    }
  }

  @Override
  public Status preScore(CycleState state, Pod pod, List<NodeInfo> nodes) {
    state.write(PRE_SCORE_STATE_KEY, new PreScoreState(PodRequests.nonZero(pod), PodRequests.of(pod)));
    return Status.success();
  }

  /** The pod's requests with missing cpu/memory as 100m/200Mi, and as they are (for other resources). */
  record PreScoreState(Resource nonZero, Resource requests) {}

  /**
   * The strategy's weighted average over the configured resources. Worked example (LeastAllocated,
   * cpu and memory weight 1): cpu 4000m with 1000m requested after placing → 75; memory 8Gi with 6Gi
   * → 25; score (75 + 25) / 2 = 50. MostAllocated on the same node: (25 + 75) / 2 = 50.
   */
  @Override
  public long score(CycleState state, Pod pod, NodeInfo node) {
    PreScoreState s = state.require(PRE_SCORE_STATE_KEY, PreScoreState.class);
    return scorer.score(s.nonZero(), s.requests(), node);
  }
}
