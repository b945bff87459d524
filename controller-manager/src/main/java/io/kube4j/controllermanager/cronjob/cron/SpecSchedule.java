package io.kube4j.controllermanager.cronjob.cron;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A five-field schedule as bit sets ({@code SpecSchedule}): bit {@code n} of {@link #minute} is set
 * when minute {@code n} matches, and so on. {@link #STAR_BIT} on day-of-month or day-of-week records
 * that the field was {@code *} or {@code ?}: then both day fields must match; otherwise either may
 * ("{@code 0 0 1,15 * MON}" fires on the 1st, the 15th and every Monday), as in Vixie cron.
 *
 * @param location the zone the fields are read in ({@code TZ=} or {@code spec.timeZone}); empty: the
 *     zone of the time asked about
 */
public record SpecSchedule(long minute, long hour, long dom, long month, long dow, Optional<ZoneId> location)
    implements Schedule {

  /** Set on a field written as {@code *} or {@code ?} ({@code starBit}). */
  static final long STAR_BIT = 1L << 63;

  /**
   * {@code SpecSchedule.Next}: moves forward field by field, from month down to minute, resetting
   * the smaller fields the first time a larger one moves, and starts over whenever a field wraps
   * (e.g. the day moving into the next month). Gives up after five years.
   */
  @Override
  public Optional<ZonedDateTime> next(ZonedDateTime from) {
    ZoneId original = from.getZone();
    ZoneId zone = location.orElse(original);
    // the earliest candidate: the next whole minute (robfig's seconds field is always 0 here)
    ZonedDateTime t = from.withZoneSameInstant(zone).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    if (t.getSecond() != 0) {
      t = t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    }
    boolean added = false;
    int yearLimit = t.getYear() + 5;

    wrap:
    while (true) {
      if (t.getYear() > yearLimit) {
        return Optional.empty();
      }
      while ((1L << t.getMonthValue() & month) == 0) {
        if (!added) {
          added = true;
          t = ZonedDateTime.of(t.getYear(), t.getMonthValue(), 1, 0, 0, 0, 0, zone);
        }
        t = t.plusMonths(1);
        if (t.getMonthValue() == 1) {
          continue wrap;
        }
      }
      while (!dayMatches(t)) {
        if (!added) {
          added = true;
          t = ZonedDateTime.of(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), 0, 0, 0, 0, zone);
        }
        t = t.plusDays(1);
        // midnight may not exist, or exist twice, on a day the clocks change: come back to it
        if (t.getHour() != 0) {
          t = t.getHour() > 12 ? t.plusHours(24 - t.getHour()) : t.minusHours(t.getHour());
        }
        if (t.getDayOfMonth() == 1) {
          continue wrap;
        }
      }
      while ((1L << t.getHour() & hour) == 0) {
        if (!added) {
          added = true;
          t = t.truncatedTo(ChronoUnit.HOURS);
        }
        t = t.plusHours(1);
        if (t.getHour() == 0) {
          continue wrap;
        }
      }
      while ((1L << t.getMinute() & minute) == 0) {
        if (!added) {
          added = true;
          t = t.truncatedTo(ChronoUnit.MINUTES);
        }
        t = t.plusMinutes(1);
        if (t.getMinute() == 0) {
          continue wrap;
        }
      }
      return Optional.of(t.withZoneSameInstant(original));
    }
  }

  /** Both day fields must match if either was a star; otherwise one suffices. */
  private boolean dayMatches(ZonedDateTime t) {
    boolean domMatch = (1L << t.getDayOfMonth() & dom) != 0;
    boolean dowMatch = (1L << (t.getDayOfWeek().getValue() % 7) & dow) != 0;
    if ((dom & STAR_BIT) != 0 || (dow & STAR_BIT) != 0) {
      return domMatch && dowMatch;
    }
    return domMatch || dowMatch;
  }
}
