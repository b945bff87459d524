package io.kube4j.scheduler.plugins.podtopologyspread;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.componentbase.labels.LabelSelectors;
import io.kube4j.scheduler.corev1.NodeSelectors;
import io.kube4j.scheduler.corev1.Tolerations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code v1.TopologySpreadConstraint} as the plugin uses it (upstream's {@code topologySpreadConstraint}):
 * the selector with {@code matchLabelKeys} already merged in, and the defaults of the optional fields
 * applied ({@code minDomains} 1, {@code nodeAffinityPolicy} Honor, {@code nodeTaintsPolicy} Ignore).
 */
record TopologySpreadConstraint(int maxSkew, String topologyKey, LabelSelector selector, int minDomains,
    String nodeAffinityPolicy, String nodeTaintsPolicy) {

  static final String DO_NOT_SCHEDULE = "DoNotSchedule";
  static final String SCHEDULE_ANYWAY = "ScheduleAnyway";
  static final String HONOR = "Honor";
  static final String IGNORE = "Ignore";

  boolean matches(Pod pod) {
    return LabelSelectors.matches(selector, pod.getMetadata().getLabels());
  }

  TopologySpreadConstraint withSelector(LabelSelector s) {
    return new TopologySpreadConstraint(maxSkew, topologyKey, s, minDomains, nodeAffinityPolicy, nodeTaintsPolicy);
  }

  /**
   * Whether the node counts as a domain for this constraint: with {@code nodeAffinityPolicy: Honor}
   * only nodes matching the pod's nodeSelector/required node affinity; with {@code nodeTaintsPolicy:
   * Honor} only nodes whose NoSchedule/NoExecute taints the pod tolerates.
   */
  boolean matchNodeInclusionPolicies(Pod pod, Node node) {
    if (HONOR.equals(nodeAffinityPolicy) && !NodeSelectors.requiredNodeAffinityMatches(pod, node)) {
      return false;
    }
    if (HONOR.equals(nodeTaintsPolicy)) {
      var taints = node.getSpec() == null ? null : node.getSpec().getTaints();
      return Tolerations.findMatchingUntoleratedTaint(taints, pod.getSpec().getTolerations(),
          t -> "NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect())).isEmpty();
    }
    return true;
  }

  /**
   * The pod's constraints with {@code whenUnsatisfiable == action} (upstream's
   * {@code filterTopologySpreadConstraints}). {@code matchLabelKeys}: the pod's own values of those
   * keys are ANDed into the selector, so pods of another rollout (another {@code pod-template-hash})
   * are not counted.
   */
  static List<TopologySpreadConstraint> of(List<io.fabric8.kubernetes.api.model.TopologySpreadConstraint> constraints,
      Map<String, String> podLabels, String action) {
    List<TopologySpreadConstraint> out = new ArrayList<>();
    if (constraints == null) {
      return out;
    }
    Map<String, String> labels = podLabels == null ? Map.of() : podLabels;
    for (var c : constraints) {
      if (!action.equals(c.getWhenUnsatisfiable())) {
        continue;
      }
      LabelSelector selector = c.getLabelSelector();
      if (c.getMatchLabelKeys() != null && !c.getMatchLabelKeys().isEmpty()) {
        List<LabelSelectorRequirement> extra = new ArrayList<>();
        for (String key : c.getMatchLabelKeys()) {
          if (labels.containsKey(key)) {
            extra.add(new LabelSelectorRequirementBuilder().withKey(key).withOperator("In")
                .withValues(labels.get(key)).build());
          }
        }
        if (!extra.isEmpty()) {
          selector = merge(selector, extra);
        }
      }
      out.add(new TopologySpreadConstraint(c.getMaxSkew(), c.getTopologyKey(), selector,
          c.getMinDomains() == null ? 1 : c.getMinDomains(),
          c.getNodeAffinityPolicy() == null ? HONOR : c.getNodeAffinityPolicy(),
          c.getNodeTaintsPolicy() == null ? IGNORE : c.getNodeTaintsPolicy()));
    }
    return out;
  }

  private static LabelSelector merge(LabelSelector s, List<LabelSelectorRequirement> extra) {
    List<LabelSelectorRequirement> exprs = new ArrayList<>(extra);
    Map<String, String> matchLabels = new TreeMap<>();
    if (s != null) {
      if (s.getMatchExpressions() != null) {
        exprs.addAll(s.getMatchExpressions());
      }
      if (s.getMatchLabels() != null) {
        matchLabels.putAll(s.getMatchLabels());
      }
    }
    return new LabelSelector(exprs, matchLabels);
  }

  /** Whether the node has every constraint's topology key ({@code nodeLabelsMatchSpreadConstraints}). */
  static boolean nodeHasAllTopologyKeys(Map<String, String> nodeLabels, List<TopologySpreadConstraint> constraints) {
    Map<String, String> l = nodeLabels == null ? Map.of() : nodeLabels;
    return constraints.stream().allMatch(c -> l.containsKey(c.topologyKey()));
  }

  /** Pods in {@code namespace}, not terminating, that the selector matches ({@code countPodsMatchSelector}). */
  static int countPodsMatchSelector(List<Pod> pods, LabelSelector selector, String namespace) {
    int count = 0;
    for (Pod p : pods) {
      if (p.getMetadata().getDeletionTimestamp() == null && namespace.equals(p.getMetadata().getNamespace())
          && LabelSelectors.matches(selector, p.getMetadata().getLabels())) {
        count++;
      }
    }
    return count;
  }
}
