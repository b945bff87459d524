package io.kube4j.scheduler.plugins.tainttoleration;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.kube4j.scheduler.corev1.Tolerations;
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

/** Filters on NoSchedule/NoExecute taints; scores fewer untolerated PreferNoSchedule taints higher. */
public final class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin, ScoreExtensions {

  public static final String NAME = "TaintToleration";
  static final String PRE_SCORE_STATE_KEY = "PreScore" + NAME;

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Rejects the node at its first taint with effect NoSchedule or NoExecute that the pod does not
   * tolerate; no preemption can remove a taint, hence UnschedulableAndUnresolvable.
   */
  @Override
  public Status filter(CycleState state, Pod pod, NodeInfo node) {
    List<Taint> taints = node.node().getSpec() == null ? null : node.node().getSpec().getTaints();
    Optional<Taint> untolerated = Tolerations.findMatchingUntoleratedTaint(taints, pod.getSpec().getTolerations(),
        t -> "NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect()));
    if (untolerated.isEmpty()) {
      return Status.success();
    }
    Taint t = untolerated.get();
    return Status.unschedulableAndUnresolvable(String.format("node(s) had untolerated taint {%s: %s}",
        t.getKey(), t.getValue() == null ? "" : t.getValue()));
  }

  /** Only the tolerations that could tolerate PreferNoSchedule taints matter for the score. */
  @Override
  public Status preScore(CycleState state, Pod pod, List<NodeInfo> nodes) {
    List<Toleration> all = pod.getSpec().getTolerations() == null ? List.of() : pod.getSpec().getTolerations();
    state.write(PRE_SCORE_STATE_KEY, new PreScoreState(all.stream()
        .filter(t -> t.getEffect() == null || t.getEffect().isEmpty() || "PreferNoSchedule".equals(t.getEffect()))
        .toList()));
    return Status.success();
  }

  record PreScoreState(List<Toleration> tolerationsPreferNoSchedule) {}

  /** The raw score is the number of PreferNoSchedule taints not tolerated; normalised in reverse. */
  @Override
  public long score(CycleState state, Pod pod, NodeInfo node) {
    List<Toleration> tolerations = state.require(PRE_SCORE_STATE_KEY, PreScoreState.class).tolerationsPreferNoSchedule();
    List<Taint> taints = node.node().getSpec() == null || node.node().getSpec().getTaints() == null
        ? List.of() : node.node().getSpec().getTaints();
    return taints.stream().filter(t -> "PreferNoSchedule".equals(t.getEffect()))
        .filter(t -> !Tolerations.tolerate(tolerations, t)).count();
  }

  @Override
  public Optional<ScoreExtensions> scoreExtensions() {
    return Optional.of(this);
  }

  @Override
  public List<NodeScore> normalizeScore(CycleState state, Pod pod, List<NodeScore> scores) {
    return ScoreExtensions.defaultNormalizeScore(NodeScore.MAX_NODE_SCORE, true, scores);
  }
}
