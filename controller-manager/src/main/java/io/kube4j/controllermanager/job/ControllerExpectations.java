package io.kube4j.controllermanager.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ControllerExpectations} ({@code controller_utils.go}): how many pod creations and deletions
 * a Job's last sync made that the informer has not shown yet. Until they are all seen, the cache is
 * behind the controller's own writes and a sync must not create or delete pods again, or it would
 * create twice as many. Expectations expire after 5 minutes so a lost watch event cannot wedge a Job.
 */
final class ControllerExpectations {

  /** {@code ExpectationsTimeout}. */
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  private record Expected(int adds, int deletes, Instant since) {
    boolean fulfilled() {
      return adds <= 0 && deletes <= 0;
    }
  }

  private final Clock clock;
  private final Map<String, Expected> expectations = new ConcurrentHashMap<>();

  ControllerExpectations(Clock clock) {
    this.clock = clock;
  }

  /** {@code SatisfiedExpectations}: nothing pending (or never set, or expired). */
  boolean satisfied(String key) {
    Expected e = expectations.get(key);
    return e == null || e.fulfilled() || Duration.between(e.since(), clock.instant()).compareTo(TIMEOUT) > 0;
  }

  void expectCreations(String key, int adds) {
    expectations.put(key, new Expected(adds, 0, clock.instant()));
  }

  void expectDeletions(String key, int deletes) {
    expectations.put(key, new Expected(0, deletes, clock.instant()));
  }

  /** A pod the Job created showed up (or its creation failed and never will). */
  void creationObserved(String key) {
    expectations.computeIfPresent(key, (k, e) -> new Expected(e.adds() - 1, e.deletes(), e.since()));
  }

  void deletionObserved(String key) {
    expectations.computeIfPresent(key, (k, e) -> new Expected(e.adds(), e.deletes() - 1, e.since()));
  }

  void delete(String key) {
    expectations.remove(key);
  }
}
