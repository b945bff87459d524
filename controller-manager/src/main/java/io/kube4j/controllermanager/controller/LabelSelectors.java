package io.kube4j.controllermanager.controller;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/**
 * Whether labels match a {@code metav1.LabelSelector} ({@code LabelSelectorAsSelector} then
 * {@code Matches}): every matchLabels pair and every matchExpressions requirement must hold. A null
 * selector matches nothing; an empty one matches everything (the apiserver rejects empty selectors on
 * workloads, which is why controllers treat "selects everything" as a user error).
 */
public final class LabelSelectors {

  private LabelSelectors() {}

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

  /** True for a selector with neither matchLabels nor matchExpressions. */
  public static boolean selectsEverything(LabelSelector selector) {
    return selector != null && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
        && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
  }

  private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    boolean has = labels.containsKey(r.getKey());
    return switch (r.getOperator()) {
      case "In" -> has && values.contains(labels.get(r.getKey()));
      case "NotIn" -> !has || !values.contains(labels.get(r.getKey()));
      case "Exists" -> has;
      case "DoesNotExist" -> !has;
      default -> false;
    };
  }
}
