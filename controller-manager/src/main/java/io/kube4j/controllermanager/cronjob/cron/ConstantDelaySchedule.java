package io.kube4j.controllermanager.cronjob.cron;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * {@code @every <duration>} ({@code ConstantDelaySchedule}): fires every {@code delay}, rounded down
 * to whole seconds and at least one second, counted from whenever it is asked.
 */
public record ConstantDelaySchedule(Duration delay) implements Schedule {

  /** {@code cron.Every}: below one second becomes one second; fractions of a second are dropped. */
  static ConstantDelaySchedule every(Duration duration) {
    Duration d = duration.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
        : Duration.ofSeconds(duration.getSeconds());
    return new ConstantDelaySchedule(d);
  }

  /** {@code t + delay}, with {@code t}'s fraction of a second dropped. */
  @Override
  public Optional<ZonedDateTime> next(ZonedDateTime t) {
    return Optional.of(t.plus(delay).minusNanos(t.getNano()));
  }
}
