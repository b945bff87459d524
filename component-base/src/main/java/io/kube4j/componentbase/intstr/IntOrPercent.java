package io.kube4j.componentbase.intstr;

import io.fabric8.kubernetes.api.model.IntOrString;

/** {@code intstr.GetScaledValueFromIntOrPercent}. */
public final class IntOrPercent {

  private IntOrPercent() {}

  /**
   * The value itself when it is a number; {@code total × percent / 100} when it is {@code "N%"},
   * rounded up or down. Worked example: {@code "25%"} of 10 is 2.5, so 3 rounded up (a surge) and
   * 2 rounded down (an unavailability budget).
   *
   * @throws IllegalArgumentException for a string that is not a percentage, e.g. {@code "ten"}
   */
  public static int scaled(IntOrString value, int total, boolean roundUp) {
    if (value == null) {
      throw new IllegalArgumentException("nil value for IntOrString");
    }
    if (value.getStrVal() == null) {
      return value.getIntVal() == null ? 0 : value.getIntVal();
    }
    String s = value.getStrVal();
    if (!s.endsWith("%")) {
      throw new IllegalArgumentException("invalid type: string is not a percentage");
    }
    int percent;
    try {
      percent = Integer.parseInt(s.substring(0, s.length() - 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid value for IntOrString: invalid value \"" + s + "\"");
    }
    long product = (long) percent * total;
    return (int) (roundUp ? -Math.floorDiv(-product, 100L) : Math.floorDiv(product, 100L));
  }

  /** Whether the value is a percentage ({@code "N%"}) rather than a number. */
  public static boolean isPercent(IntOrString value) {
    return value != null && value.getStrVal() != null;
  }
}
