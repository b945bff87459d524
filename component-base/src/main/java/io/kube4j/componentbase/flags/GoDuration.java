package io.kube4j.componentbase.flags;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;

/**
 * A duration flag as Go's {@code time.ParseDuration} reads it: a sequence of decimal numbers with
 * units {@code ns}, {@code us} ({@code µs}), {@code ms}, {@code s}, {@code m}, {@code h}, e.g.
 * {@code 40s}, {@code 1m30s}, {@code 1.5h}, {@code 8760h}, {@code 0}.
 */
public final class GoDuration implements CommandLine.ITypeConverter<Duration> {

  private static final Map<String, Long> NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "ms", 1_000_000L,
      "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  /** Parses {@code value}, or throws {@link IllegalArgumentException} with Go's message. */
  public static Duration parse(String value) {
    String s = value;
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("time: invalid duration \"" + value + "\"");
    }
    BigDecimal nanos = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int numberStart = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(numberStart, i);
      if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
        throw new IllegalArgumentException("time: invalid duration \"" + value + "\"");
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw new IllegalArgumentException("time: missing unit in duration \"" + value + "\"");
      }
      Long perUnit = NANOS.get(unit);
      if (perUnit == null) {
        throw new IllegalArgumentException("time: unknown unit \"" + unit + "\" in duration \"" + value + "\"");
      }
      nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(perUnit)));
    }
    Duration d = Duration.ofNanos(nanos.longValue());
    return negative ? d.negated() : d;
  }

  @Override
  public Duration convert(String value) {
    try {
      return parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
