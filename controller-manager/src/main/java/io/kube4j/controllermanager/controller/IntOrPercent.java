package io.kube4j.controllermanager.controller;

import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * {@code intstr.GetScaledValueFromIntOrPercent}: an int is taken as is; a percentage is scaled to
 * {@code total}, rounded up or down. maxUnavailable "25%" of 5 nodes is 2 rounded up, 1 rounded down.
 */
public final class IntOrPercent {

  private IntOrPercent() {}

  public static int scaledValue(IntOrString value, int total, boolean roundUp) {
    if (value == null) {
      return 0;
    }
    if (value.getIntVal() != null) {
      return value.getIntVal();
    }
    String s = value.getStrVal();
    if (s == null || !s.endsWith("%")) {
      throw new IllegalArgumentException("invalid value for IntOrString: invalid type: string is not a percentage");
    }
    int percent;
    try {
      percent = Integer.parseInt(s.substring(0, s.length() - 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid value \"" + s + "\": " + e.getMessage());
    }
    long scaled = (long) percent * total;
    return (int) (roundUp ? (scaled + 99) / 100 : scaled / 100);
  }
}
