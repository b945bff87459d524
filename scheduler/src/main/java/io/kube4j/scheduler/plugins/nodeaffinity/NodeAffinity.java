package io.kube4j.scheduler.plugins.nodeaffinity;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.kube4j.scheduler.corev1.NodeSelectors;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FilterPlugin;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.NodeScore;
import io.kube4j.scheduler.framework.PreScorePlugin;
import io.kube4j.scheduler.framework.ScoreExtensions;
import io.kube4j.scheduler.framework.ScorePlugin;
import io.kube4j.scheduler.framework.Status;
import java.util.List;
import java.util.Optional;

/** Filters on {@code nodeSelector} and required node affinity; scores preferred terms by weight. */
public final class NodeAffinity implements FilterPlugin, PreScorePlugin, ScorePlugin, ScoreExtensions {

  public static final String NAME = "NodeAffinity";
  /** Upstream's {@code ErrReasonPod}. */
  public static final String ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
  static final String PRE_SCORE_STATE_KEY = "PreScore" + NAME;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status filter(CycleState state, Pod pod, NodeInfo node) {
    return requiredNodeAffinityMatches(pod, node.node()) ? Status.success()
        : Status.unschedulableAndUnresolvable(ERR_REASON_POD);
  }

  /** Every {@code nodeSelector} label must be on the node, and one required term must match. */
  public static boolean requiredNodeAffinityMatches(Pod pod, Node node) {
    return NodeSelectors.requiredNodeAffinityMatches(pod, node);
  }

  @Override
  public Status preScore(CycleState state, Pod pod, List<NodeInfo> nodes) {
    Affinity affinity = pod.getSpec().getAffinity();
    List<PreferredSchedulingTerm> preferred = affinity == null || affinity.getNodeAffinity() == null
        || affinity.getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution() == null
        ? List.of() : affinity.getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution();
    if (preferred.isEmpty()) {
      return Status.skip();
    }
    state.write(PRE_SCORE_STATE_KEY, new PreScoreState(preferred));
    return Status.success();
  }

  record PreScoreState(List<PreferredSchedulingTerm> preferred) {}

  /** The sum of the weights of the preferred terms the node matches (a weight of 0 is ignored). */
  @Override
  public long score(CycleState state, Pod pod, NodeInfo node) {
    long sum = 0;
    for (PreferredSchedulingTerm t : state.require(PRE_SCORE_STATE_KEY, PreScoreState.class).preferred()) {
      if (t.getWeight() != null && t.getWeight() != 0 && t.getPreference() != null
          && NodeSelectors.matches(t.getPreference(), node.node())) {
        sum += t.getWeight();
      }
    }
    return sum;
  }

  @Override
  public Optional<ScoreExtensions> scoreExtensions() {
    return Optional.of(this);
  }

  @Override
  public List<NodeScore> normalizeScore(CycleState state, Pod pod, List<NodeScore> scores) {
    return ScoreExtensions.defaultNormalizeScore(NodeScore.MAX_NODE_SCORE, false, scores);
  }
}
