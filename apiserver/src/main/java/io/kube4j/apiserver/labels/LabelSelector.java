package io.kube4j.apiserver.labels;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.kube4j.apiserver.api.StatusException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A label selector ({@code labels.Selector}): the AND of its {@link Requirement}s, kept sorted by key
 * so that equal selectors print alike. Two special selectors exist, as upstream: {@link #everything()}
 * (no requirement, matches every object) and {@link #nothing()} (what a {@code null} selector in an
 * object's spec means, matches no object). Immutable.
 *
 * <pre>{@code
 * LabelSelector s = LabelSelector.parse("env in (prod,staging),tier!=cache,!canary");
 * s.matches(Map.of("env", "prod", "tier", "web"));   // true
 * }</pre>
 */
public final class LabelSelector {

  private static final LabelSelector EVERYTHING = new LabelSelector(List.of(), false);
  private static final LabelSelector NOTHING = new LabelSelector(List.of(), true);

  /** Stable, so requirements on the same key keep their input order, as upstream's small sorts do. */
  private static final Comparator<Requirement> BY_KEY = Comparator.comparing(Requirement::key);

  private final List<Requirement> requirements;
  private final boolean nothing;

  private LabelSelector(List<Requirement> requirements, boolean nothing) {
    this.requirements = requirements;
    this.nothing = nothing;
  }

  /** Matches every set of labels; what an empty {@code ?labelSelector=} means. */
  public static LabelSelector everything() {
    return EVERYTHING;
  }

  /** Matches no set of labels; what a {@code null} {@code spec.selector} converts to. */
  public static LabelSelector nothing() {
    return NOTHING;
  }

  /**
   * Parses the selector syntax of {@code ?labelSelector=} and {@code kubectl -l}: requirements
   * separated by commas, each {@code key}, {@code !key}, {@code key=v}, {@code key==v},
   * {@code key!=v}, {@code key in (a,b)}, {@code key notin (a,b)}, {@code key>1} or {@code key<1}.
   * Blanks around tokens are ignored; the empty string selects everything.
   *
   * @throws StatusException BadRequest with upstream's message, e.g.
   *     {@code unable to parse requirement: found '', expected: in, notin, =, ==, !=, gt, lt}
   */
  public static LabelSelector parse(String selector) {
    return of(Parser.parse(selector));
  }

  /** A selector of the given requirements, sorted by key ({@code NewSelector().Add(...)}). */
  public static LabelSelector of(Collection<Requirement> requirements) {
    List<Requirement> sorted = new ArrayList<>(requirements);
    sorted.sort(BY_KEY);
    return new LabelSelector(List.copyOf(sorted), false);
  }

  /**
   * {@code key=value} for every entry, unchecked, as {@code SelectorFromSet}: for label maps the
   * caller trusts, such as a ReplicationController's {@code spec.selector}. Null or empty selects
   * everything.
   */
  public static LabelSelector fromSet(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return EVERYTHING;
    }
    List<Requirement> reqs = new ArrayList<>();
    new TreeMap<>(labels).forEach((k, v) -> reqs.add(Requirement.unchecked(k, Operator.EQUALS, List.of(v))));
    return new LabelSelector(List.copyOf(reqs), false);
  }

  /**
   * Like {@link #fromSet} but checks each key and value ({@code ValidatedSelectorFromSet}).
   *
   * @throws StatusException BadRequest naming the first bad entry in key order
   */
  public static LabelSelector validatedFromSet(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return EVERYTHING;
    }
    List<Requirement> reqs = new ArrayList<>();
    new TreeMap<>(labels).forEach((k, v) -> reqs.add(Requirement.of(k, Operator.EQUALS, List.of(v))));
    return new LabelSelector(List.copyOf(reqs), false);
  }

  /**
   * Converts the {@code metav1.LabelSelector} of an object's spec ({@code LabelSelectorAsSelector}):
   * {@code null} selects nothing, an empty one everything; {@code matchLabels} become {@code =}
   * requirements and {@code matchExpressions} {@code in}, {@code notin}, {@code exists} or {@code !}.
   *
   * @throws StatusException BadRequest for an unknown operator ({@code "Foo" is not a valid label
   *     selector operator}) or a requirement {@link Requirement#of} rejects
   */
  public static LabelSelector fromLabelSelector(io.fabric8.kubernetes.api.model.LabelSelector selector) {
    if (selector == null) {
      return NOTHING;
    }
    Map<String, String> matchLabels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    List<LabelSelectorRequirement> expressions =
        selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
    if (matchLabels.isEmpty() && expressions.isEmpty()) {
      return EVERYTHING;
    }
    List<Requirement> reqs = new ArrayList<>();
    // upstream ranges over a Go map, in random order; key order makes the first error deterministic
    new TreeMap<>(matchLabels).forEach((k, v) -> reqs.add(Requirement.of(k, Operator.EQUALS, List.of(v))));
    for (LabelSelectorRequirement expr : expressions) {
      String operator = expr.getOperator() == null ? "" : expr.getOperator();
      Operator op = switch (operator) {
        case "In" -> Operator.IN;
        case "NotIn" -> Operator.NOT_IN;
        case "Exists" -> Operator.EXISTS;
        case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
        default -> throw StatusException.badRequest(goQuote(operator) + " is not a valid label selector operator");
      };
      List<String> values = expr.getValues() == null ? List.of() : expr.getValues();
      reqs.add(Requirement.of(expr.getKey() == null ? "" : expr.getKey(), op, values));
    }
    return of(reqs);
  }

  /** Whether every requirement holds for {@code labels} (null = no labels). */
  public boolean matches(Map<String, String> labels) {
    if (nothing) {
      return false;
    }
    for (Requirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /** True when the selector does not restrict anything ({@code Empty()}); false for {@link #nothing()}. */
  public boolean isEmpty() {
    return !nothing && requirements.isEmpty();
  }

  /** True only for {@link #nothing()}: callers may skip the list altogether. */
  public boolean matchesNothing() {
    return nothing;
  }

  /** The requirements, sorted by key; empty for both {@link #everything()} and {@link #nothing()}. */
  public List<Requirement> requirements() {
    return requirements;
  }

  /** A new selector with {@code more} requirements added ({@code Add}); {@link #nothing()} stays nothing. */
  public LabelSelector add(Requirement... more) {
    if (nothing) {
      return this;
    }
    List<Requirement> all = new ArrayList<>(requirements);
    all.addAll(List.of(more));
    return of(all);
  }

  /**
   * The single value {@code label} must have, when the first requirement on that key is {@code =},
   * {@code ==} or a one-value {@code in}: lets a cache answer from an index instead of a scan.
   */
  public Optional<String> requiresExactMatch(String label) {
    for (Requirement r : requirements) {
      if (r.key().equals(label)) {
        boolean exact = switch (r.operator()) {
          case EQUALS, DOUBLE_EQUALS, IN -> r.values().size() == 1;
          default -> false;
        };
        return exact ? Optional.of(r.values().get(0)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The canonical selector string, requirements sorted by key; {@code ""} for everything and nothing. */
  @Override
  public String toString() {
    return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelSelector s && nothing == s.nothing && requirements.equals(s.requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode() * 31 + Boolean.hashCode(nothing);
  }

  private static String goQuote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
