package io.kube4j.controllermanager.daemon;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;

/**
 * Whether a node satisfies a pod's hard node constraints ({@code nodeaffinity.GetRequiredNodeAffinity(pod).Match(node)}
 * in component-helpers): every {@code nodeSelector} label, and, if there is a required node
 * affinity, at least one of its terms (a term holds when all its matchExpressions hold on the node's
 * labels and all its matchFields on the node's fields; only {@code metadata.name} is a field).
 */
final class RequiredNodeAffinity {

  private RequiredNodeAffinity() {}

  static boolean matches(Pod pod, Node node) {
    Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    Map<String, String> nodeSelector = pod.getSpec().getNodeSelector();
    if (nodeSelector != null) {
      for (Map.Entry<String, String> e : nodeSelector.entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    var affinity = pod.getSpec().getAffinity();
    if (affinity == null || affinity.getNodeAffinity() == null
        || affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
      return true;
    }
    List<NodeSelectorTerm> terms = affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms();
    return terms != null && terms.stream().anyMatch(t -> termMatches(t, labels, node.getMetadata().getName()));
  }

  /** A term with neither expressions nor fields matches nothing, as upstream. */
  static boolean termMatches(NodeSelectorTerm term, Map<String, String> labels, String nodeName) {
    List<NodeSelectorRequirement> expressions = term.getMatchExpressions() == null ? List.of() : term.getMatchExpressions();
    List<NodeSelectorRequirement> fields = term.getMatchFields() == null ? List.of() : term.getMatchFields();
    if (expressions.isEmpty() && fields.isEmpty()) {
      return false;
    }
    for (NodeSelectorRequirement r : expressions) {
      if (!requirementMatches(r, labels)) {
        return false;
      }
    }
    for (NodeSelectorRequirement r : fields) {
      if (!"metadata.name".equals(r.getKey()) || !requirementMatches(r, Map.of("metadata.name", nodeName))) {
        return false;
      }
    }
    return true;
  }

  private static boolean requirementMatches(NodeSelectorRequirement r, Map<String, String> labels) {
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    String value = labels.get(r.getKey());
    return switch (r.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      case "Gt", "Lt" -> value != null && values.size() == 1 && compare(r.getOperator(), value, values.get(0));
      default -> false;
    };
  }

  private static boolean compare(String operator, String label, String bound) {
    try {
      long l = Long.parseLong(label);
      long b = Long.parseLong(bound);
      return operator.equals("Gt") ? l > b : l < b;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
