package io.kube4j.controllermanager.cronjob.cron;

import java.time.ZonedDateTime;
import java.util.Optional;

/** A parsed cron schedule ({@code cron.Schedule}): when it next fires. */
public sealed interface Schedule permits SpecSchedule, ConstantDelaySchedule {

  /**
   * The first activation strictly after {@code t}, in {@code t}'s zone; empty when there is none in
   * the next five years (e.g. {@code 0 0 30 2 *}: February the 30th), where robfig/cron returns the
   * zero time.
   */
  Optional<ZonedDateTime> next(ZonedDateTime t);
}
