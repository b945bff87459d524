package io.kube4j.controllermanager.labels;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed label selector ({@code labels.Selector}): every requirement must hold. Built from a
 * {@code metav1.LabelSelector} as {@code LabelSelectorAsSelector} does: a null selector selects
 * nothing, an empty one ({@code {}}) selects everything.
 */
public final class Selector {

  /** One requirement: {@code key op values}. */
  record Requirement(String key, String operator, List<String> values) {
    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case "In" -> value != null && values.contains(value);
        case "NotIn" -> value == null || !values.contains(value);
        case "Exists" -> labels.containsKey(key);
        case "DoesNotExist" -> !labels.containsKey(key);
        default -> false;
      };
    }
  }

  private static final Selector NOTHING = new Selector(List.of(), false);

  private final List<Requirement> requirements;
  private final boolean matchesAnything;

  private Selector(List<Requirement> requirements, boolean matchesAnything) {
    this.requirements = requirements;
    this.matchesAnything = matchesAnything;
  }

  /**
   * {@code LabelSelectorAsSelector}. An operator Kubernetes does not know makes the selector select
   * nothing (validation rejects such selectors before any controller sees them).
   */
  public static Selector from(LabelSelector selector) {
    if (selector == null) {
      return NOTHING;
    }
    List<Requirement> reqs = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      selector.getMatchLabels().forEach((k, v) -> reqs.add(new Requirement(k, "In", List.of(v))));
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        if (!List.of("In", "NotIn", "Exists", "DoesNotExist").contains(r.getOperator())) {
          return NOTHING;
        }
        reqs.add(new Requirement(r.getKey(), r.getOperator(), r.getValues() == null ? List.of() : r.getValues()));
      }
    }
    return new Selector(List.copyOf(reqs), true);
  }

  /** {@code labels.SelectorFromSet}: every label of the set, with its value (a nil or empty set selects everything). */
  public static Selector fromSet(Map<String, String> set) {
    List<Requirement> reqs = new ArrayList<>();
    if (set != null) {
      set.forEach((k, v) -> reqs.add(new Requirement(k, "In", List.of(v))));
    }
    return new Selector(List.copyOf(reqs), true);
  }

  public boolean matches(Map<String, String> labels) {
    Map<String, String> l = labels == null ? Map.of() : labels;
    return matchesAnything && requirements.stream().allMatch(r -> r.matches(l));
  }

  /** True for the selector that selects every object ({@code {}}). */
  public boolean isEmpty() {
    return matchesAnything && requirements.isEmpty();
  }
}
