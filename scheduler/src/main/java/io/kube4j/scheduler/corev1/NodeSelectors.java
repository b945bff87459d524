package io.kube4j.scheduler.corev1;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;

/**
 * Node selector terms against a node, as component-helpers' {@code nodeaffinity.NodeSelector}: the
 * terms are ORed; inside a term every {@code matchExpressions} entry (on labels) and every
 * {@code matchFields} entry (only {@code metadata.name}) must hold; a term with neither matches nothing.
 */
public final class NodeSelectors {

  private NodeSelectors() {}

  /**
   * Upstream's {@code GetRequiredNodeAffinity(pod).Match(node)}: every {@code nodeSelector} label is on
   * the node, and one of the required node affinity terms (if any) matches.
   */
  public static boolean requiredNodeAffinityMatches(Pod pod, Node node) {
    Map<String, String> selector = pod.getSpec().getNodeSelector();
    if (selector != null && !selector.isEmpty()) {
      Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
      for (Map.Entry<String, String> e : selector.entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    Affinity affinity = pod.getSpec().getAffinity();
    if (affinity == null || affinity.getNodeAffinity() == null) {
      return true;
    }
    NodeSelector required = affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
    return required == null || matches(required, node);
  }

  public static boolean matches(NodeSelector selector, Node node) {
    if (selector == null || selector.getNodeSelectorTerms() == null) {
      return false;
    }
    return selector.getNodeSelectorTerms().stream().anyMatch(t -> matches(t, node));
  }

  public static boolean matches(NodeSelectorTerm term, Node node) {
    List<NodeSelectorRequirement> exprs = term.getMatchExpressions() == null ? List.of() : term.getMatchExpressions();
    List<NodeSelectorRequirement> fields = term.getMatchFields() == null ? List.of() : term.getMatchFields();
    if (exprs.isEmpty() && fields.isEmpty()) {
      return false;
    }
    Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    for (NodeSelectorRequirement r : exprs) {
      if (!matches(r, labels)) {
        return false;
      }
    }
    Map<String, String> nodeFields = Map.of("metadata.name", node.getMetadata().getName());
    for (NodeSelectorRequirement r : fields) {
      if (!"metadata.name".equals(r.getKey()) || !matches(r, nodeFields)) {
        return false;
      }
    }
    return true;
  }

  /**
   * One requirement: {@code In}/{@code NotIn} a set of values, {@code Exists}/{@code DoesNotExist},
   * {@code Gt}/{@code Lt} comparing the label as an integer with the single value (a label that is not
   * an integer does not match). {@code NotIn} and {@code DoesNotExist} match a node without the label.
   */
  public static boolean matches(NodeSelectorRequirement r, Map<String, String> labels) {
    String value = labels.get(r.getKey());
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    return switch (r.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      case "Gt", "Lt" -> value != null && values.size() == 1 && compare(r.getOperator(), value, values.get(0));
      default -> false;
    };
  }

  private static boolean compare(String op, String label, String bound) {
    try {
      long l = Long.parseLong(label);
      long b = Long.parseLong(bound);
      return "Gt".equals(op) ? l > b : l < b;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
