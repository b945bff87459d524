package io.kube4j.scheduler.plugins.interpodaffinity;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.componentbase.labels.LabelSelectors;
import io.kube4j.scheduler.framework.AffinityTerm;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FilterPlugin;
import io.kube4j.scheduler.framework.Handle;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.NodeScore;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.PreFilterExtensions;
import io.kube4j.scheduler.framework.PreFilterPlugin;
import io.kube4j.scheduler.framework.PreFilterResult;
import io.kube4j.scheduler.framework.PreScorePlugin;
import io.kube4j.scheduler.framework.ScoreExtensions;
import io.kube4j.scheduler.framework.ScorePlugin;
import io.kube4j.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Required pod affinity and anti-affinity (the incoming pod's, and existing pods' anti-affinity
 * against it) filter; preferred terms of both sides, and existing pods' required affinity, score.
 */
public final class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreFilterExtensions, PreScorePlugin,
    ScorePlugin, ScoreExtensions {

  public static final String NAME = "InterPodAffinity";
  public static final String ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
  public static final String ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
  public static final String ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH =
      "node(s) didn't satisfy existing pods anti-affinity rules";
  static final String PRE_FILTER_STATE_KEY = "PreFilter" + NAME;
  static final String PRE_SCORE_STATE_KEY = "PreScore" + NAME;

  private final Handle handle;
  private final InterPodAffinityArgs args;

  public InterPodAffinity(Handle handle, InterPodAffinityArgs args) {
    this.handle = handle;
    this.args = args;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The incoming pod's terms with each namespaceSelector replaced by the namespaces it selects now. */
  private PodInfo withResolvedNamespaces(Pod pod) {
    PodInfo p = PodInfo.of(pod);
    return new PodInfo(pod, resolve(p.requiredAffinityTerms()), resolve(p.requiredAntiAffinityTerms()),
        p.preferredAffinityTerms().stream().map(w -> new AffinityTerm.Weighted(resolve(w.term()), w.weight())).toList(),
        p.preferredAntiAffinityTerms().stream().map(w -> new AffinityTerm.Weighted(resolve(w.term()), w.weight()))
            .toList());
  }

  private List<AffinityTerm> resolve(List<AffinityTerm> terms) {
    return terms.stream().map(this::resolve).toList();
  }

  /** Upstream's {@code mergeAffinityTermNamespacesIfNotEmpty}: an empty selector selects every namespace. */
  private AffinityTerm resolve(AffinityTerm t) {
    if (t.namespaceSelector() == null) {
      return t;
    }
    Set<String> ns = new HashSet<>(t.namespaces());
    for (Namespace n : handle.listers().list(Namespace.class, null)) {
      if (LabelSelectors.matches(t.namespaceSelector(), n.getMetadata().getLabels())) {
        ns.add(n.getMetadata().getName());
      }
    }
    return t.withNamespaces(ns);
  }

  private Map<String, String> namespaceLabels(String namespace) {
    return handle.listers().get(Namespace.class, null, namespace).map(n -> n.getMetadata().getLabels())
        .filter(l -> l != null).orElse(Map.of());
  }

  // ---- PreFilter / Filter ----

  @Override
  public PreFilterResult preFilter(CycleState state, Pod pod) {
    PodInfo podInfo = withResolvedNamespaces(pod);
    Map<String, String> nsLabels = namespaceLabels(pod.getMetadata().getNamespace());
    TopologyToMatchedTermCount existing = new TopologyToMatchedTermCount();
    TopologyToMatchedTermCount affinity = new TopologyToMatchedTermCount();
    TopologyToMatchedTermCount anti = new TopologyToMatchedTermCount();
    boolean incomingHasTerms = !podInfo.requiredAffinityTerms().isEmpty() || !podInfo.requiredAntiAffinityTerms().isEmpty();
    for (NodeInfo n : handle.snapshotNodes()) {
      Node node = n.node();
      for (Pod existingPod : n.pods()) {
        if (PodInfo.hasRequiredAntiAffinity(existingPod)) {
          existing.updateWithAntiAffinityTerms(PodInfo.of(existingPod).requiredAntiAffinityTerms(), pod, nsLabels, node, 1);
        }
        if (incomingHasTerms) {
          affinity.updateWithAffinityTerms(podInfo.requiredAffinityTerms(), existingPod, node, 1);
          anti.updateWithAntiAffinityTerms(podInfo.requiredAntiAffinityTerms(), existingPod, Map.of(), node, 1);
        }
      }
    }
    if (existing.isEmpty() && !incomingHasTerms) {
      return PreFilterResult.of(Status.skip());
    }
    state.write(PRE_FILTER_STATE_KEY, new PreFilterState(podInfo, nsLabels, existing, affinity, anti));
    return PreFilterResult.success();
  }

  /**
   * Affinity first (no preemption can create a matching pod: unresolvable), then the pod's
   * anti-affinity, then existing pods' anti-affinity (both may be resolved by evicting pods).
   */
  @Override
  public Status filter(CycleState state, Pod pod, NodeInfo node) {
    PreFilterState s = state.require(PRE_FILTER_STATE_KEY, PreFilterState.class);
    Map<String, String> labels = labels(node.node());
    if (!satisfyPodAffinity(s, labels)) {
      return Status.unschedulableAndUnresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH);
    }
    if (!satisfyPodAntiAffinity(s, labels)) {
      return Status.unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
    }
    if (!satisfyExistingPodsAntiAffinity(s, labels)) {
      return Status.unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
    }
    return Status.success();
  }

  /**
   * Every term's domain on this node must hold a matching pod. Exception: when no pod anywhere matches
   * and the pod matches its own terms, it may go first (else a group with affinity to itself could
   * never start); the node must still have every topology key.
   */
  static boolean satisfyPodAffinity(PreFilterState s, Map<String, String> labels) {
    boolean podsExist = true;
    for (AffinityTerm t : s.podInfo.requiredAffinityTerms()) {
      String value = labels.get(t.topologyKey());
      if (value == null) {
        return false;
      }
      if (s.affinityCounts.get(t.topologyKey(), value) <= 0) {
        podsExist = false;
      }
    }
    return podsExist || (s.affinityCounts.isEmpty()
        && TopologyToMatchedTermCount.podMatchesAllAffinityTerms(s.podInfo.requiredAffinityTerms(), s.podInfo.pod()));
  }

  static boolean satisfyPodAntiAffinity(PreFilterState s, Map<String, String> labels) {
    for (AffinityTerm t : s.podInfo.requiredAntiAffinityTerms()) {
      String value = labels.get(t.topologyKey());
      if (value != null && s.antiAffinityCounts.get(t.topologyKey(), value) > 0) {
        return false;
      }
    }
    return true;
  }

  static boolean satisfyExistingPodsAntiAffinity(PreFilterState s, Map<String, String> labels) {
    if (s.existingAntiAffinityCounts.isEmpty()) {
      return true;
    }
    for (Map.Entry<String, String> l : labels.entrySet()) {
      if (s.existingAntiAffinityCounts.get(l.getKey(), l.getValue()) > 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Status addPod(CycleState state, Pod podToSchedule, Pod podToAdd, NodeInfo node) {
    state.read(PRE_FILTER_STATE_KEY, PreFilterState.class).ifPresent(s -> s.updateWithPod(PodInfo.of(podToAdd), node.node(), 1));
    return Status.success();
  }

  @Override
  public Status removePod(CycleState state, Pod podToSchedule, Pod podToRemove, NodeInfo node) {
    state.read(PRE_FILTER_STATE_KEY, PreFilterState.class).ifPresent(s -> s.updateWithPod(PodInfo.of(podToRemove), node.node(), -1));
    return Status.success();
  }

  // ---- PreScore / Score / NormalizeScore ----

  @Override
  public Status preScore(CycleState state, Pod pod, List<NodeInfo> filteredNodes) {
    if (filteredNodes.isEmpty()) {
      return Status.skip();
    }
    PodInfo podInfo = withResolvedNamespaces(pod);
    boolean hasConstraints = !podInfo.preferredAffinityTerms().isEmpty() || !podInfo.preferredAntiAffinityTerms().isEmpty();
    if (args.ignorePreferredTermsOfExistingPods() && !hasConstraints) {
      return Status.skip();
    }
    Map<String, String> nsLabels = namespaceLabels(pod.getMetadata().getNamespace());
    ScoreMap topologyScore = new ScoreMap();
    for (NodeInfo n : handle.snapshotNodes()) {
      Node node = n.node();
      if (node.getMetadata().getLabels() == null || node.getMetadata().getLabels().isEmpty()) {
        continue;
      }
      for (Pod existing : n.pods()) {
        // unless the incoming pod has preferred terms, only pods with affinity of their own matter
        if (hasConstraints || PodInfo.hasAffinity(existing)) {
          processExistingPod(podInfo, nsLabels, PodInfo.of(existing), node, topologyScore);
        }
      }
    }
    if (topologyScore.isEmpty()) {
      return Status.skip();
    }
    state.write(PRE_SCORE_STATE_KEY, topologyScore);
    return Status.success();
  }

  /**
   * What one existing pod adds to the domain of its node: the incoming pod's preferred affinity
   * (+weight) and anti-affinity (-weight) terms it matches, and the existing pod's own required
   * affinity ({@code hardPodAffinityWeight}) and preferred terms that the incoming pod matches.
   */
  private void processExistingPod(PodInfo incoming, Map<String, String> nsLabels, PodInfo existing, Node node,
      ScoreMap score) {
    for (AffinityTerm.Weighted w : incoming.preferredAffinityTerms()) {
      score.processTerm(w.term(), w.weight(), existing.pod(), Map.of(), node, 1);
    }
    for (AffinityTerm.Weighted w : incoming.preferredAntiAffinityTerms()) {
      score.processTerm(w.term(), w.weight(), existing.pod(), Map.of(), node, -1);
    }
    if (args.hardPodAffinityWeight() > 0) {
      for (AffinityTerm t : existing.requiredAffinityTerms()) {
        score.processTerm(t, args.hardPodAffinityWeight(), incoming.pod(), nsLabels, node, 1);
      }
    }
    for (AffinityTerm.Weighted w : existing.preferredAffinityTerms()) {
      score.processTerm(w.term(), w.weight(), incoming.pod(), nsLabels, node, 1);
    }
    for (AffinityTerm.Weighted w : existing.preferredAntiAffinityTerms()) {
      score.processTerm(w.term(), w.weight(), incoming.pod(), nsLabels, node, -1);
    }
  }

  /** The sum, over the node's labels, of what its domains collected in PreScore (may be negative). */
  @Override
  public long score(CycleState state, Pod pod, NodeInfo node) {
    return state.require(PRE_SCORE_STATE_KEY, ScoreMap.class).scoreOf(labels(node.node()));
  }

  @Override
  public Optional<ScoreExtensions> scoreExtensions() {
    return Optional.of(this);
  }

  /**
   * Min-max to 0..100: {@code 100 * (score - min) / (max - min)}. Worked example: raw [-5, 0, 15] →
   * [0, 25, 100]; all equal → all 0.
   */
  @Override
  public List<NodeScore> normalizeScore(CycleState state, Pod pod, List<NodeScore> scores) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (NodeScore s : scores) {
      min = Math.min(min, s.score());
      max = Math.max(max, s.score());
    }
    long diff = max - min;
    List<NodeScore> out = new ArrayList<>(scores.size());
    for (NodeScore s : scores) {
      long v = diff > 0 ? (long) (NodeScore.MAX_NODE_SCORE * ((double) (s.score() - min) / diff)) : 0;
      out.add(new NodeScore(s.name(), v));
    }
    return out;
  }

  static Map<String, String> labels(Node node) {
    return node == null || node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
  }
}
