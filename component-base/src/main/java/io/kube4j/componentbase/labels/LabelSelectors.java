package io.kube4j.componentbase.labels;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/**
 * What a {@code metav1.LabelSelector} selects ({@code metav1.LabelSelectorAsSelector} + {@code Matches}):
 * a nil selector selects nothing, an empty one everything. The apiserver's validation uses it to check
 * that a controller's selector matches its own pod template; controllers use it to find their pods.
 */
public final class LabelSelectors {

  private LabelSelectors() {}

  /** Whether {@code selector} selects an object with {@code labels}. */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    Map<String, String> l = labels == null ? Map.of() : labels;
    if (selector.getMatchLabels() != null) {
      for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
        if (!e.getValue().equals(l.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        if (!matches(r, l)) {
          return false;
        }
      }
    }
    return true;
  }

  /** An equality selector ({@code labels.Set(map).AsSelector()}): empty selects everything. */
  public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    if (selector == null) {
      return true;
    }
    Map<String, String> l = labels == null ? Map.of() : labels;
    return selector.entrySet().stream().allMatch(e -> e.getValue().equals(l.get(e.getKey())));
  }

  /** Whether the selector has no requirements at all (selects everything). */
  public static boolean isEmpty(LabelSelector selector) {
    return selector != null && size(selector.getMatchLabels()) + size(selector.getMatchExpressions()) == 0;
  }

  private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    String op = r.getOperator() == null ? "" : r.getOperator();
    return switch (op) {
      case "In" -> labels.containsKey(r.getKey()) && values.contains(labels.get(r.getKey()));
      case "NotIn" -> !labels.containsKey(r.getKey()) || !values.contains(labels.get(r.getKey()));
      case "Exists" -> labels.containsKey(r.getKey());
      case "DoesNotExist" -> !labels.containsKey(r.getKey());
      default -> false;
    };
  }

  private static int size(Map<?, ?> m) {
    return m == null ? 0 : m.size();
  }

  private static int size(List<?> l) {
    return l == null ? 0 : l.size();
  }
}
