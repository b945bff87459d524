package io.kube4j.apiserver.validation;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A bad value rendered the way Go's {@code %#v} prints it, for field errors whose value is not a string or
 * number: upstream's {@code field.Error} falls back to {@code %#v}, so kubectl shows e.g.
 * {@code spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not
 * match template `labels`}. {@link io.kube4j.apiserver.api.FieldError} prints non-strings with
 * {@code toString()}, which returns the rendered text unquoted.
 *
 * @param text the Go syntax, e.g. {@code []string{"a", "b"}}
 */
public record GoSyntax(String text) {

  @Override
  public String toString() {
    return text;
  }

  /** {@code map[string]string{"a":"1", "b":"2"}} with keys sorted, as fmt sorts maps; nil when empty. */
  public static GoSyntax stringMap(Map<String, String> map) {
    return new GoSyntax(mapText(map));
  }

  /** {@code []string{"a", "b"}}, or {@code []string(nil)}. */
  public static GoSyntax stringSlice(List<String> list) {
    return new GoSyntax(sliceText(list));
  }

  /**
   * {@code v1.LabelSelector{MatchLabels:map[string]string{"app":"a"},
   * MatchExpressions:[]v1.LabelSelectorRequirement(nil)}}: how a selector appears in
   * {@code spec.selector: Invalid value: ...: field is immutable}.
   */
  public static GoSyntax labelSelector(LabelSelector selector) {
    if (selector == null) {
      return new GoSyntax("null");
    }
    return new GoSyntax("v1.LabelSelector{MatchLabels:" + mapText(selector.getMatchLabels())
        + ", MatchExpressions:" + requirementsText(selector.getMatchExpressions()) + "}");
  }

  /** {@code intstr.IntOrString{Type:1, IntVal:0, StrVal:"25x"}}. */
  public static GoSyntax intOrString(IntOrString value) {
    if (value == null) {
      return new GoSyntax("null");
    }
    boolean isString = value.getStrVal() != null;
    int intVal = value.getIntVal() == null ? 0 : value.getIntVal();
    String strVal = value.getStrVal() == null ? "" : value.getStrVal();
    return new GoSyntax("intstr.IntOrString{Type:" + (isString ? 1 : 0) + ", IntVal:" + intVal
        + ", StrVal:" + quote(strVal) + "}");
  }

  /** A Go double-quoted string literal ({@code %q}). */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static String mapText(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return "map[string]string(nil)";
    }
    return new TreeMap<>(map).entrySet().stream()
        .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
        .collect(Collectors.joining(", ", "map[string]string{", "}"));
  }

  private static String sliceText(List<String> list) {
    if (list == null || list.isEmpty()) {
      return "[]string(nil)";
    }
    return list.stream().map(GoSyntax::quote).collect(Collectors.joining(", ", "[]string{", "}"));
  }

  private static String requirementsText(List<LabelSelectorRequirement> reqs) {
    if (reqs == null || reqs.isEmpty()) {
      return "[]v1.LabelSelectorRequirement(nil)";
    }
    return reqs.stream()
        .map(r -> "v1.LabelSelectorRequirement{Key:" + quote(nullToEmpty(r.getKey())) + ", Operator:"
            + quote(nullToEmpty(r.getOperator())) + ", Values:" + sliceText(r.getValues()) + "}")
        .collect(Collectors.joining(", ", "[]v1.LabelSelectorRequirement{", "}"));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
