package io.kube4j.controllermanager.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a Job waits before re-creating pods after failures ({@code DefaultJobPodFailureBackOff}
 * and {@code MaxJobPodFailureBackOff}): {@code base} after the first failure, doubling with each
 * consecutive failure since the last success, at most {@code max}. Upstream fixes 10 s and 6 min;
 * tests shrink the base.
 */
public record PodFailureBackoff(Duration base, Duration max) {

  public static final PodFailureBackoff DEFAULT = new PodFailureBackoff(Duration.ofSeconds(10), Duration.ofMinutes(6));

  /**
   * The delay after {@code failures} consecutive failures: 10 s, 20 s, 40 s, 80 s, 160 s, 320 s, then
   * 360 s for the 7th and later (with the defaults).
   */
  public Duration delayAfter(int failures) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    Duration d = base;
    for (int i = 1; i < failures; i++) {
      d = d.multipliedBy(2);
      if (d.compareTo(max) >= 0) {
        return max;
      }
    }
    return d;
  }

  /**
   * {@code getRemainingTimeForFailuresCount}: how much of the delay is left, given when the last
   * failure happened; zero once it has passed. E.g. 3 failures, the last 15 s ago: 40 s - 15 s = 25 s.
   */
  public Duration remaining(Clock clock, int failures, Instant lastFailure) {
    if (failures <= 0 || lastFailure == null) {
      return Duration.ZERO;
    }
    Duration elapsed = Duration.between(lastFailure, clock.instant());
    Duration delay = delayAfter(failures);
    return delay.compareTo(elapsed) < 0 ? Duration.ZERO : delay.minus(elapsed);
  }
}
