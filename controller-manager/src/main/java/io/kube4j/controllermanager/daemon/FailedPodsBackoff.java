package io.kube4j.controllermanager.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How long to wait before deleting (and so recreating) a failed daemon pod again on the same node
 * (client-go's {@code flowcontrol.Backoff} as the DaemonSet controller uses it: 1 s doubling to 15
 * min). A kubelet that keeps rejecting the pod would otherwise see it recreated in a hot loop. The
 * delays after consecutive failures are 1 s, 2 s, 4 s, ... 15 min; an entry untouched for twice the
 * maximum starts over at 1 s.
 */
final class FailedPodsBackoff {

  static final Duration INITIAL = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofMinutes(15);

  private record Entry(Duration backoff, Instant lastUpdate) {}

  /** Guarded by {@code this}. */
  private final Map<String, Entry> entries = new HashMap<>();
  private final Clock clock;

  FailedPodsBackoff(Clock clock) {
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  /** {@code IsInBackOffSinceUpdate}: the last failure was less than the current delay ago. */
  synchronized boolean inBackoffSinceUpdate(String key, Instant at) {
    Entry e = entries.get(key);
    return e != null && !hasExpired(at, e) && Duration.between(e.lastUpdate, at).compareTo(e.backoff) < 0;
  }

  /** {@code Get}: the current delay. */
  synchronized Duration get(String key) {
    Entry e = entries.get(key);
    return e == null ? Duration.ZERO : e.backoff;
  }

  /** {@code Next}: records a failure now; the delay starts at 1 s or doubles. */
  synchronized void next(String key, Instant at) {
    Entry e = entries.get(key);
    Duration backoff = e == null || hasExpired(at, e) ? INITIAL : min(e.backoff.multipliedBy(2), MAX);
    entries.put(key, new Entry(backoff, at));
  }

  /** {@code GC}: forgets entries untouched for twice the maximum delay. */
  synchronized void gc() {
    Instant now = clock.instant();
    entries.values().removeIf(e -> hasExpired(now, e));
  }

  private static boolean hasExpired(Instant at, Entry e) {
    return Duration.between(e.lastUpdate, at).compareTo(MAX.multipliedBy(2)) > 0;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
