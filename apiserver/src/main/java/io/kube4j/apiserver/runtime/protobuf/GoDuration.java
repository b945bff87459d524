package io.kube4j.apiserver.runtime.protobuf;

/**
 * Go's {@code time.Duration.String()}, which is how {@code metav1.Duration} marshals to JSON: the
 * protobuf form carries nanoseconds, the JSON form a string such as {@code "1h0m0s"}.
 *
 * <p>Worked examples: 3,600,000,000,000 ns → {@code 1h0m0s}; 90.5 s → {@code 1m30.5s};
 * 1,500 ns → {@code 1.5µs}; 0 → {@code 0s}. Below one second the largest fitting unit is used
 * (ns, µs, ms) with a fraction; from one second up it is h, m and s with trailing zero units kept
 * ({@code 1h0m0s}) and the fraction of a second without trailing zeros.
 */
final class GoDuration {

  private static final long MICROSECOND = 1_000L;
  private static final long MILLISECOND = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;

  private GoDuration() {}

  static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    // Long.MIN_VALUE has no positive counterpart: work on the unsigned magnitude.
    boolean negative = nanos < 0;
    long magnitude = negative ? -nanos : nanos;
    StringBuilder out = new StringBuilder();
    if (Long.compareUnsigned(magnitude, SECOND) < 0) {
      if (magnitude < MICROSECOND) {
        out.append(magnitude).append("ns");
      } else if (magnitude < MILLISECOND) {
        appendFraction(out, magnitude, MICROSECOND);
        out.append("µs");
      } else {
        appendFraction(out, magnitude, MILLISECOND);
        out.append("ms");
      }
    } else {
      long seconds = Long.divideUnsigned(magnitude, SECOND);
      long fraction = Long.remainderUnsigned(magnitude, SECOND);
      long hours = seconds / 3600;
      long minutes = seconds / 60 % 60;
      if (hours > 0) {
        out.append(hours).append('h');
      }
      if (hours > 0 || minutes > 0) {
        out.append(minutes).append('m');
      }
      out.append(seconds % 60);
      appendDecimals(out, fraction, SECOND);
      out.append('s');
    }
    return negative ? "-" + out : out.toString();
  }

  /** {@code value / unit} with its remainder as decimals: 1,500 ns in µs → {@code 1.5}. */
  private static void appendFraction(StringBuilder out, long value, long unit) {
    out.append(value / unit);
    appendDecimals(out, value % unit, unit);
  }

  private static void appendDecimals(StringBuilder out, long remainder, long unit) {
    if (remainder == 0) {
      return;
    }
    int width = Long.toString(unit).length() - 1;
    String digits = String.format("%0" + width + "d", remainder);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    out.append('.').append(digits, 0, end);
  }
}
