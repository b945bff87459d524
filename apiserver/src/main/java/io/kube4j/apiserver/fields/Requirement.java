package io.kube4j.apiserver.fields;

import java.util.Map;

/**
 * One term of a field selector, {@code field=value} or {@code field!=value} ({@code fields.Requirement}).
 * {@code ==} parses to {@link Operator#EQUALS}. The value is held unescaped.
 */
public record Requirement(String field, Operator operator, String value) {

  /** The two comparisons field selectors know. */
  public enum Operator {
    EQUALS("="),
    NOT_EQUALS("!=");

    private final String wire;

    Operator(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  /**
   * Compares with the object's selectable fields; a field the map lacks reads as {@code ""}, as Go's
   * {@code fields.Set.Get} answers, so {@code spec.nodeName=} selects unscheduled pods.
   */
  public boolean matches(Map<String, String> fields) {
    String actual = fields == null ? "" : fields.getOrDefault(field, "");
    boolean equal = value.equals(actual == null ? "" : actual);
    return operator == Operator.EQUALS ? equal : !equal;
  }

  /** {@code field=value} with {@code \ , =} in the value escaped, so that it parses back to itself. */
  @Override
  public String toString() {
    return field + operator.wire() + FieldSelector.escapeValue(value);
  }
}
