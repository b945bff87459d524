package io.kube4j.apiserver.labels;

/**
 * How a {@link Requirement} relates a label key to its values ({@code selection.Operator} in
 * {@code k8s.io/apimachinery/pkg/selection}). {@link #wire()} is upstream's string for it, which error
 * messages print.
 */
public enum Operator {
  DOES_NOT_EXIST("!"),
  EQUALS("="),
  DOUBLE_EQUALS("=="),
  IN("in"),
  NOT_EQUALS("!="),
  NOT_IN("notin"),
  EXISTS("exists"),
  GREATER_THAN("gt"),
  LESS_THAN("lt");

  private final String wire;

  Operator(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
