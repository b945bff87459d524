package io.kube4j.apiserver.validation.batch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses a cron schedule the way {@code cron.ParseStandard} (robfig/cron v3) does, returning its error
 * text: five fields (minute, hour, day of month, month, day of week) with ranges, steps, lists, names, or a
 * descriptor such as {@code @hourly} or {@code @every 5m}, optionally after {@code TZ=}/{@code CRON_TZ=}.
 */
final class CronSchedule {

  private record Bounds(int min, int max, Map<String, Integer> names) {}

  private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
      Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
      Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
  private static final Map<String, Integer> DAYS = Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4,
      "fri", 5, "sat", 6);
  private static final List<Bounds> FIELDS = List.of(new Bounds(0, 59, Map.of()), new Bounds(0, 23, Map.of()),
      new Bounds(1, 31, Map.of()), new Bounds(1, 12, MONTHS), new Bounds(0, 6, DAYS));
  private static final List<String> DESCRIPTORS = List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
      "@midnight", "@hourly");

  private CronSchedule() {}

  /** The parse error, or empty when the schedule is valid. */
  static Optional<String> parseError(String spec) {
    if (spec.isEmpty()) {
      return Optional.of("empty spec string");
    }
    String s = spec;
    if (s.startsWith("TZ=") || s.startsWith("CRON_TZ=")) {
      int space = s.indexOf(' ');
      if (space < 0) {
        return Optional.of("missing spec after timezone");
      }
      s = s.substring(space + 1).strip();
    }
    if (s.startsWith("@")) {
      if (DESCRIPTORS.contains(s)) {
        return Optional.empty();
      }
      if (s.startsWith("@every ")) {
        return s.substring(7).strip().matches("([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+") ? Optional.empty()
            : Optional.of("failed to parse duration " + s + ": time: invalid duration \"" + s.substring(7).strip() + "\"");
      }
      return Optional.of("unrecognized descriptor: " + s);
    }
    String[] fields = s.strip().split("\\s+");
    if (fields.length != 5) {
      return Optional.of("expected exactly 5 fields, found " + fields.length + ": [" + String.join(" ", fields) + "]");
    }
    for (int i = 0; i < 5; i++) {
      for (String expr : fields[i].split(",", -1)) {
        Optional<String> err = parseRange(expr, FIELDS.get(i));
        if (err.isPresent()) {
          return err;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> parseRange(String expr, Bounds b) {
    String[] rangeAndStep = expr.split("/", -1);
    String[] lowAndHigh = rangeAndStep[0].split("-", -1);
    int start;
    int end;
    if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
      start = b.min();
      end = b.max();
    } else {
      Optional<Integer> lo = parseValue(lowAndHigh[0], b);
      if (lo.isEmpty()) {
        return Optional.of(intError(lowAndHigh[0]));
      }
      start = lo.get();
      end = start;
      if (lowAndHigh.length == 2) {
        Optional<Integer> hi = parseValue(lowAndHigh[1], b);
        if (hi.isEmpty()) {
          return Optional.of(intError(lowAndHigh[1]));
        }
        end = hi.get();
      } else if (lowAndHigh.length > 2) {
        return Optional.of("too many hyphens: " + expr);
      }
    }
    if (rangeAndStep.length == 2) {
      try {
        int step = Integer.parseInt(rangeAndStep[1]);
        if (step <= 0) {
          return Optional.of("step of range should be a positive number: " + expr);
        }
      } catch (NumberFormatException e) {
        return Optional.of(intError(rangeAndStep[1]));
      }
    } else if (rangeAndStep.length > 2) {
      return Optional.of("too many slashes: " + expr);
    }
    if (start < b.min()) {
      return Optional.of("beginning of range (" + start + ") below minimum (" + b.min() + "): " + expr);
    }
    if (end > b.max()) {
      return Optional.of("end of range (" + end + ") above maximum (" + b.max() + "): " + expr);
    }
    if (start > end) {
      return Optional.of("beginning of range (" + start + ") beyond end of range (" + end + "): " + expr);
    }
    return Optional.empty();
  }

  private static Optional<Integer> parseValue(String v, Bounds b) {
    Integer named = b.names().get(v.toLowerCase(Locale.ROOT));
    if (named != null) {
      return Optional.of(named);
    }
    try {
      int n = Integer.parseInt(v);
      return n < 0 ? Optional.empty() : Optional.of(n);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String intError(String v) {
    return "failed to parse int from " + v + ": strconv.Atoi: parsing \"" + v + "\": invalid syntax";
  }
}
