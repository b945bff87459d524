package io.kube4j.scheduler.plugins.podtopologyspread;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.componentbase.labels.LabelSelectors;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FilterPlugin;
import io.kube4j.scheduler.framework.Handle;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.NodeScore;
import io.kube4j.scheduler.framework.PreFilterExtensions;
import io.kube4j.scheduler.framework.PreFilterPlugin;
import io.kube4j.scheduler.framework.PreFilterResult;
import io.kube4j.scheduler.framework.PreScorePlugin;
import io.kube4j.scheduler.framework.ScoreExtensions;
import io.kube4j.scheduler.framework.ScorePlugin;
import io.kube4j.scheduler.framework.Status;
import io.kube4j.scheduler.plugins.helper.DefaultSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hard constraints filter: a node is rejected when placing the pod there would make its domain hold
 * more than {@code maxSkew} matching pods above the emptiest eligible domain. Soft constraints (and
 * the defaults, for pods of a Service/ReplicaSet/StatefulSet without constraints) score: fewer
 * matching pods in the node's domains is better.
 */
public final class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreFilterExtensions, PreScorePlugin,
    ScorePlugin, ScoreExtensions {

  public static final String NAME = "PodTopologySpread";
  /** Upstream's {@code ErrReasonConstraintsNotMatch}. */
  public static final String ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
  /** Upstream's {@code ErrReasonNodeLabelNotMatch}. */
  public static final String ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH
      + " (missing required label)";
  static final String PRE_FILTER_STATE_KEY = "PreFilter" + NAME;
  static final String PRE_SCORE_STATE_KEY = "PreScore" + NAME;
  static final String LABEL_HOSTNAME = "kubernetes.io/hostname";

  private final Handle handle;
  private final PodTopologySpreadArgs args;

  public PodTopologySpread(Handle handle, PodTopologySpreadArgs args) {
    this.handle = handle;
    this.args = args;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The pod's own constraints for {@code action}, or the defaults when it has none. */
  List<TopologySpreadConstraint> constraints(Pod pod, String action) {
    var own = pod.getSpec().getTopologySpreadConstraints();
    if (own != null && !own.isEmpty()) {
      return TopologySpreadConstraint.of(own, pod.getMetadata().getLabels(), action);
    }
    return buildDefaultConstraints(pod, action);
  }

  /** The default constraints, selecting the pod's siblings (same Service, ReplicaSet, ...); none if it has none. */
  private List<TopologySpreadConstraint> buildDefaultConstraints(Pod pod, String action) {
    List<TopologySpreadConstraint> defaults = TopologySpreadConstraint.of(args.effectiveDefaults(),
        pod.getMetadata().getLabels(), action);
    if (defaults.isEmpty()) {
      return defaults;
    }
    LabelSelector selector = DefaultSelector.of(pod, handle.listers());
    if (LabelSelectors.isEmpty(selector)) {
      return List.of();
    }
    return defaults.stream().map(c -> c.withSelector(selector)).toList();
  }

  // ---- PreFilter / Filter: DoNotSchedule ----

  /** Counts, per hard constraint and domain, the pods the constraint's selector matches. */
  @Override
  public PreFilterResult preFilter(CycleState state, Pod pod) {
    List<TopologySpreadConstraint> constraints = constraints(pod, TopologySpreadConstraint.DO_NOT_SCHEDULE);
    if (constraints.isEmpty()) {
      return PreFilterResult.of(Status.skip());
    }
    PreFilterState s = new PreFilterState(constraints);
    String ns = pod.getMetadata().getNamespace();
    for (NodeInfo n : handle.snapshotNodes()) {
      Map<String, String> labels = labels(n.node());
      if (!TopologySpreadConstraint.nodeHasAllTopologyKeys(labels, constraints)) {
        continue;
      }
      List<Pod> pods = n.pods();
      for (int i = 0; i < constraints.size(); i++) {
        TopologySpreadConstraint c = constraints.get(i);
        if (c.matchNodeInclusionPolicies(pod, n.node())) {
          s.tpValueToMatchNum.get(i).merge(labels.get(c.topologyKey()),
              TopologySpreadConstraint.countPodsMatchSelector(pods, c.selector(), ns), Integer::sum);
        }
      }
    }
    s.computeCriticalPaths();
    state.write(PRE_FILTER_STATE_KEY, s);
    return PreFilterResult.success();
  }

  /**
   * For each hard constraint: {@code matching pods in the node's domain + (1 if the pod matches its
   * own selector) - global minimum <= maxSkew}. Worked example, maxSkew 1, zones {a: 2, b: 1, c: 1}:
   * a node in a gives {@code 2 + 1 - 1 = 2 > 1}, rejected; one in b gives {@code 1 + 1 - 1 = 1}, fits.
   * With {@code minDomains: 4} and only these three zones the minimum counts as 0, so b gives 2 too.
   */
  @Override
  public Status filter(CycleState state, Pod pod, NodeInfo node) {
    PreFilterState s = state.require(PRE_FILTER_STATE_KEY, PreFilterState.class);
    Map<String, String> labels = labels(node.node());
    for (int i = 0; i < s.constraints.size(); i++) {
      TopologySpreadConstraint c = s.constraints.get(i);
      String tpVal = labels.get(c.topologyKey());
      if (tpVal == null) {
        return Status.unschedulableAndUnresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
      }
      int selfMatch = c.matches(pod) ? 1 : 0;
      int skew = s.matchNum(i, tpVal) + selfMatch - s.minMatchNum(i);
      if (skew > c.maxSkew()) {
        return Status.unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
      }
    }
    return Status.success();
  }

  @Override
  public Status addPod(CycleState state, Pod podToSchedule, Pod podToAdd, NodeInfo node) {
    updateWithPod(state, podToAdd, podToSchedule, node.node(), 1);
    return Status.success();
  }

  @Override
  public Status removePod(CycleState state, Pod podToSchedule, Pod podToRemove, NodeInfo node) {
    updateWithPod(state, podToRemove, podToSchedule, node.node(), -1);
    return Status.success();
  }

  private void updateWithPod(CycleState state, Pod updated, Pod preemptor, Node node, int delta) {
    Optional<PreFilterState> s = state.read(PRE_FILTER_STATE_KEY, PreFilterState.class);
    if (s.isEmpty() || node == null
        || !updated.getMetadata().getNamespace().equals(preemptor.getMetadata().getNamespace())) {
      return;
    }
    Map<String, String> labels = labels(node);
    if (!TopologySpreadConstraint.nodeHasAllTopologyKeys(labels, s.get().constraints)) {
      return;
    }
    for (int i = 0; i < s.get().constraints.size(); i++) {
      TopologySpreadConstraint c = s.get().constraints.get(i);
      if (c.matches(updated) && c.matchNodeInclusionPolicies(preemptor, node)) {
        s.get().update(i, labels.get(c.topologyKey()), delta);
      }
    }
  }

  // ---- PreScore / Score / NormalizeScore: ScheduleAnyway ----

  @Override
  public Status preScore(CycleState state, Pod pod, List<NodeInfo> filteredNodes) {
    List<NodeInfo> allNodes = handle.snapshotNodes();
    if (allNodes.isEmpty()) {
      return Status.skip();
    }
    var own = pod.getSpec().getTopologySpreadConstraints();
    // the System defaults let nodes without a zone label still be spread over by hostname
    boolean requireAllTopologies = (own != null && !own.isEmpty()) || !args.systemDefaulted();
    List<TopologySpreadConstraint> constraints = constraints(pod, TopologySpreadConstraint.SCHEDULE_ANYWAY);
    if (constraints.isEmpty()) {
      return Status.skip();
    }
    Set<String> ignored = new HashSet<>();
    List<Map<String, Long>> counts = new ArrayList<>();
    constraints.forEach(c -> counts.add(new HashMap<>()));
    for (NodeInfo n : filteredNodes) {
      Map<String, String> labels = labels(n.node());
      if (requireAllTopologies && !TopologySpreadConstraint.nodeHasAllTopologyKeys(labels, constraints)) {
        ignored.add(n.name());
        continue;
      }
      for (int i = 0; i < constraints.size(); i++) {
        if (!LABEL_HOSTNAME.equals(constraints.get(i).topologyKey())) {
          counts.get(i).putIfAbsent(labels.getOrDefault(constraints.get(i).topologyKey(), ""), 0L);
        }
      }
    }
    double[] weights = new double[constraints.size()];
    for (int i = 0; i < constraints.size(); i++) {
      int size = LABEL_HOSTNAME.equals(constraints.get(i).topologyKey())
          ? filteredNodes.size() - ignored.size() : counts.get(i).size();
      weights[i] = Math.log(size + 2);
    }
    String ns = pod.getMetadata().getNamespace();
    for (NodeInfo n : allNodes) {
      Map<String, String> labels = labels(n.node());
      if (requireAllTopologies && !TopologySpreadConstraint.nodeHasAllTopologyKeys(labels, constraints)) {
        continue;
      }
      for (int i = 0; i < constraints.size(); i++) {
        TopologySpreadConstraint c = constraints.get(i);
        String value = labels.getOrDefault(c.topologyKey(), "");
        // domains without a feasible node need no count; hostname domains are counted in Score
        if (c.matchNodeInclusionPolicies(pod, n.node()) && counts.get(i).containsKey(value)) {
          counts.get(i).merge(value, (long) TopologySpreadConstraint.countPodsMatchSelector(n.pods(), c.selector(), ns),
              Long::sum);
        }
      }
    }
    state.write(PRE_SCORE_STATE_KEY, new PreScoreState(constraints, ignored, counts, weights));
    return Status.success();
  }

  /**
   * The raw score, lower is better: per constraint whose key the node has, {@code matching pods in its
   * domain * ln(domains + 2) + (maxSkew - 1)}. Worked example, one zone constraint, maxSkew 1, three
   * zones (weight ln 5 = 1.609): a node in a zone with 2 matching pods scores {@code round(3.22) = 3}.
   */
  @Override
  public long score(CycleState state, Pod pod, NodeInfo node) {
    PreScoreState s = state.require(PRE_SCORE_STATE_KEY, PreScoreState.class);
    if (s.ignoredNodes().contains(node.name())) {
      return 0;
    }
    Map<String, String> labels = labels(node.node());
    double score = 0;
    for (int i = 0; i < s.constraints().size(); i++) {
      TopologySpreadConstraint c = s.constraints().get(i);
      String tpVal = labels.get(c.topologyKey());
      if (tpVal == null) {
        continue;
      }
      long cnt = LABEL_HOSTNAME.equals(c.topologyKey())
          ? TopologySpreadConstraint.countPodsMatchSelector(node.pods(), c.selector(), pod.getMetadata().getNamespace())
          : s.topologyValueToPodCounts().get(i).getOrDefault(tpVal, 0L);
      score += cnt * s.topologyNormalizingWeight()[i] + (c.maxSkew() - 1);
    }
    return Math.round(score);
  }

  @Override
  public Optional<ScoreExtensions> scoreExtensions() {
    return Optional.of(this);
  }

  /**
   * Reverses and rescales: {@code 100 * (max + min - score) / max}, ignored nodes 0. Worked example:
   * raw [3, 1, 1] → max 3, min 1: [100 * 1 / 3, 100 * 3 / 3, 100] = [33, 100, 100].
   */
  @Override
  public List<NodeScore> normalizeScore(CycleState state, Pod pod, List<NodeScore> scores) {
    PreScoreState s = state.require(PRE_SCORE_STATE_KEY, PreScoreState.class);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (NodeScore n : scores) {
      if (!s.ignoredNodes().contains(n.name())) {
        min = Math.min(min, n.score());
        max = Math.max(max, n.score());
      }
    }
    List<NodeScore> out = new ArrayList<>(scores.size());
    for (NodeScore n : scores) {
      long v;
      if (s.ignoredNodes().contains(n.name())) {
        v = 0;
      } else if (max == 0) {
        v = NodeScore.MAX_NODE_SCORE;
      } else {
        v = NodeScore.MAX_NODE_SCORE * (max + min - n.score()) / max;
      }
      out.add(new NodeScore(n.name(), v));
    }
    return out;
  }

  private static Map<String, String> labels(Node node) {
    return node == null || node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
  }
}
