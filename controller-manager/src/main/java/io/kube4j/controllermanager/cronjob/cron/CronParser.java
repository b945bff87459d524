package io.kube4j.controllermanager.cronjob.cron;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cron.ParseStandard}: the five-field syntax of the crontab man page, with robfig/cron's
 * error messages word for word (the CronJob controller puts them in its events).
 *
 * <pre>
 *   field          allowed values   names
 *   minute         0-59
 *   hour           0-23
 *   day of month   1-31
 *   month          1-12             JAN-DEC
 *   day of week    0-6 (0 = Sunday) SUN-SAT
 * </pre>
 *
 * Each field is a comma-separated list of {@code *} or {@code ?} (every value), {@code a},
 * {@code a-b}, each optionally followed by {@code /step}; {@code a/step} means {@code a-max/step}.
 */
public final class CronParser {

  private record Bounds(int min, int max, Map<String, Integer> names) {}

  private static final Bounds MINUTES = new Bounds(0, 59, Map.of());
  private static final Bounds HOURS = new Bounds(0, 23, Map.of());
  private static final Bounds DOM = new Bounds(1, 31, Map.of());
  private static final Bounds MONTHS = new Bounds(1, 12, Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
      Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
      Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12)));
  private static final Bounds DOW = new Bounds(0, 6, Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4,
      "fri", 5, "sat", 6));

  /** A Go duration as {@code time.ParseDuration} reads it, e.g. {@code 1h30m}, {@code 90s}, {@code 1.5h}. */
  private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private CronParser() {}

  /** Parses {@code spec}, or throws with robfig/cron's message. */
  public static Schedule parseStandard(String spec) throws CronSyntaxException {
    if (spec.isEmpty()) {
      throw new CronSyntaxException("empty spec string");
    }
    Optional<ZoneId> location = Optional.empty();
    if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
      int space = spec.indexOf(' ');
      int eq = spec.indexOf('=');
      String zone = space < 0 ? spec.substring(eq + 1) : spec.substring(eq + 1, space);
      try {
        location = Optional.of(ZoneId.of(zone));
      } catch (DateTimeException e) {
        throw new CronSyntaxException("provided bad location " + zone + ": unknown time zone " + zone);
      }
      spec = space < 0 ? "" : spec.substring(space).strip();
    }
    if (spec.startsWith("@")) {
      return descriptor(spec, location);
    }
    String[] fields = spec.strip().split("\\s+");
    if (spec.isBlank() || fields.length != 5) {
      int found = spec.isBlank() ? 0 : fields.length;
      throw new CronSyntaxException("expected exactly 5 fields, found " + found + ": [" + String.join(" ",
          spec.isBlank() ? new String[0] : fields) + "]");
    }
    return new SpecSchedule(field(fields[0], MINUTES), field(fields[1], HOURS), field(fields[2], DOM),
        field(fields[3], MONTHS), field(fields[4], DOW), location);
  }

  /** {@code parseDescriptor}: the {@code @}-names, each shorthand for a five-field line. */
  private static Schedule descriptor(String spec, Optional<ZoneId> location) throws CronSyntaxException {
    long anyDom = all(DOM);
    long anyMonth = all(MONTHS);
    long anyDow = all(DOW);
    switch (spec) {
      case "@yearly", "@annually":
        return new SpecSchedule(1L, 1L, 1L << 1, 1L << 1, anyDow, location);
      case "@monthly":
        return new SpecSchedule(1L, 1L, 1L << 1, anyMonth, anyDow, location);
      case "@weekly":
        return new SpecSchedule(1L, 1L, anyDom, anyMonth, 1L, location);
      case "@daily", "@midnight":
        return new SpecSchedule(1L, 1L, anyDom, anyMonth, anyDow, location);
      case "@hourly":
        return new SpecSchedule(1L, all(HOURS), anyDom, anyMonth, anyDow, location);
      default:
        break;
    }
    if (spec.startsWith("@every ")) {
      String text = spec.substring("@every ".length());
      return ConstantDelaySchedule.every(goDuration(text).orElseThrow(() -> new CronSyntaxException(
          "failed to parse duration " + spec + ": time: invalid duration \"" + text + "\"")));
    }
    throw new CronSyntaxException("unrecognized descriptor: " + spec);
  }

  /** {@code getField}: the union of the comma-separated ranges. */
  private static long field(String text, Bounds b) throws CronSyntaxException {
    long bits = 0;
    for (String expr : text.split(",", -1)) {
      bits |= range(expr, b);
    }
    return bits;
  }

  /**
   * {@code getRange}: {@code *}, {@code a} or {@code a-b}, then optionally {@code /step}. Worked
   * example: minutes {@code 5/15} is {@code 5-59/15}, bits 5, 20, 35, 50.
   */
  private static long range(String expr, Bounds b) throws CronSyntaxException {
    String[] rangeAndStep = expr.split("/", -1);
    String[] lowAndHigh = rangeAndStep[0].split("-", -1);
    boolean singleDigit = lowAndHigh.length == 1;
    int start;
    int end;
    long extra = 0;
    if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
      start = b.min();
      end = b.max();
      extra = SpecSchedule.STAR_BIT;
    } else {
      start = intOrName(lowAndHigh[0], b.names());
      switch (lowAndHigh.length) {
        case 1 -> end = start;
        case 2 -> end = intOrName(lowAndHigh[1], b.names());
        default -> throw new CronSyntaxException("too many hyphens: " + expr);
      }
    }
    int step;
    switch (rangeAndStep.length) {
      case 1 -> step = 1;
      case 2 -> {
        step = mustParseInt(rangeAndStep[1]);
        if (singleDigit) {
          end = b.max();
        }
        if (step > 1) {
          extra = 0;
        }
      }
      default -> throw new CronSyntaxException("too many slashes: " + expr);
    }
    if (start < b.min()) {
      throw new CronSyntaxException("beginning of range (" + start + ") below minimum (" + b.min() + "): " + expr);
    }
    if (end > b.max()) {
      throw new CronSyntaxException("end of range (" + end + ") above maximum (" + b.max() + "): " + expr);
    }
    if (start > end) {
      throw new CronSyntaxException("beginning of range (" + start + ") beyond end of range (" + end + "): " + expr);
    }
    if (step == 0) {
      throw new CronSyntaxException("step of range should be a positive number: " + expr);
    }
    return bits(start, end, step) | extra;
  }

  private static int intOrName(String text, Map<String, Integer> names) throws CronSyntaxException {
    Integer named = names.get(text.toLowerCase(Locale.ROOT));
    return named != null ? named : mustParseInt(text);
  }

  private static int mustParseInt(String text) throws CronSyntaxException {
    int n;
    try {
      n = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new CronSyntaxException("failed to parse int from " + text + ": strconv.Atoi: parsing \"" + text
          + "\": invalid syntax");
    }
    if (n < 0) {
      throw new CronSyntaxException("negative number (" + n + ") not allowed: " + text);
    }
    return n;
  }

  /** Bits {@code min, min+step, ...} up to {@code max}. */
  private static long bits(int min, int max, int step) {
    long bits = 0;
    for (int i = min; i <= max; i += step) {
      bits |= 1L << i;
    }
    return bits;
  }

  private static long all(Bounds b) {
    return bits(b.min(), b.max(), 1) | SpecSchedule.STAR_BIT;
  }

  /** {@code time.ParseDuration} for the units cron schedules use; empty when malformed. */
  private static Optional<Duration> goDuration(String text) {
    Matcher m = GO_DURATION.matcher(text);
    double nanos = 0;
    int at = 0;
    while (m.find() && m.start() == at) {
      double value = Double.parseDouble(m.group(1));
      nanos += value * switch (m.group(2)) {
        case "ns" -> 1;
        case "us", "µs" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        default -> 3600e9;
      };
      at = m.end();
    }
    return at == text.length() && at > 0 ? Optional.of(Duration.ofNanos((long) nanos)) : Optional.empty();
  }
}
