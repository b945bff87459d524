package io.kube4j.apiserver.printers;

import java.time.Duration;

/**
 * Durations as kubectl shows them: the AGE column ({@code 5s}, {@code 3m12s}, {@code 2d3h}), restart
 * times, job durations. A port of {@code k8s.io/apimachinery/pkg/util/duration}, whose rules are
 * reproduced exactly because kubectl prints these strings verbatim.
 *
 * <p>Both functions tolerate clocks up to one second apart: anything from −1.999s to 0 prints as
 * {@code 0s}; further in the past than that is {@code <invalid>}.
 */
public final class HumanDuration {

  private static final long MINUTE = 60;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;
  private static final long YEAR = 365 * DAY;

  private HumanDuration() {}

  /**
   * {@code duration.HumanDuration}: about 2–3 significant figures, the precision dropping as the
   * duration grows. Worked examples: 119s → {@code 119s}; 2m → {@code 2m}; 9m59s → {@code 9m59s};
   * 10m30s → {@code 10m}; 2h59m → {@code 179m}; 3h → {@code 3h}; 7h59m → {@code 7h59m}; 8h30m →
   * {@code 8h}; 47h → {@code 47h}; 48h → {@code 2d}; 7d23h → {@code 7d23h}; 8d5h → {@code 8d};
   * 729d → {@code 729d}; 2y3d → {@code 2y3d}; 8y100d → {@code 8y}.
   */
  public static String format(Duration d) {
    long seconds = truncatedSeconds(d);
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 2 * MINUTE) {
      return seconds + "s";
    }
    long minutes = seconds / MINUTE;
    if (minutes < 10) {
      long s = seconds % MINUTE;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    } else if (minutes < 3 * 60) {
      return minutes + "m";
    }
    long hours = seconds / HOUR;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    } else if (hours < 24 * 365 * 8) {
      long dy = (hours / 24) % 365;
      return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
    }
    return hours / 24 / 365 + "y";
  }

  /**
   * {@code duration.ShortHumanDuration}: one unit only ({@code 59s}, {@code 59m}, {@code 23h},
   * {@code 364d}, {@code 1y}).
   */
  public static String formatShort(Duration d) {
    long seconds = truncatedSeconds(d);
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < MINUTE) {
      return seconds + "s";
    } else if (seconds < HOUR) {
      return seconds / MINUTE + "m";
    } else if (seconds < DAY) {
      return seconds / HOUR + "h";
    } else if (seconds < YEAR) {
      return seconds / DAY + "d";
    }
    return seconds / YEAR + "y";
  }

  /**
   * Whole seconds, truncated toward zero as Go's {@code int(d.Seconds())} does: −1.5s is −1 (so
   * {@code 0s}), not −2. {@link Duration#getSeconds()} alone would floor.
   */
  private static long truncatedSeconds(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < 0 && d.getNano() > 0) {
      seconds++;
    }
    return seconds;
  }
}
