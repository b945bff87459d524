package io.kube4j.controllermanager.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that stands still until the test moves it (client-go's {@code clock/testing.FakeClock}),
 * so that a controller's notion of "now" (a CronJob's next run, a Job's deadline) can jump ahead a
 * minute without the test waiting one. Thread-safe.
 */
public final class FakeClock extends Clock {

  private final ZoneId zone;
  private volatile Instant now;

  public FakeClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  public synchronized void step(Duration d) {
    now = now.plus(d);
  }

  public void setTime(Instant t) {
    now = t;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId z) {
    return new FakeClock(now, z);
  }
}
