package io.kube4j.benchmark;

/**
 * One of the targets and what was measured against it, e.g. "GET p99 &lt; 5 ms".
 *
 * @param measured NaN when the phase it needs did not run
 */
record Goal(String name, double measured, Comparison comparison, double target, String unit) {

  enum Comparison {
    AT_LEAST(">="), BELOW("<");

    final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }
  }

  /** PASS, MISS, or "not run" when nothing was measured. */
  String verdict() {
    if (Double.isNaN(measured)) {
      return "not run";
    }
    boolean met = switch (comparison) {
      case AT_LEAST -> measured >= target;
      case BELOW -> measured < target;
    };
    return met ? "PASS" : "MISS";
  }

  String measuredText() {
    return Table.number(measured) + " " + unit;
  }

  String targetText() {
    return comparison.symbol + " " + Table.number(target) + " " + unit;
  }
}
