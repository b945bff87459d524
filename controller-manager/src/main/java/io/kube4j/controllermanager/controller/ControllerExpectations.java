package io.kube4j.controllermanager.controller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many creations and deletions a controller still expects to see in its informer
 * ({@code ControllerExpectations} upstream). A controller that has just asked for 3 pods must not
 * count pods again before the informer shows them, or it would create 3 more: it records
 * {@code add=3}, each pod informer add lowers it, and the controller acts again only once both
 * counts are down to 0, or the record has expired (5 minutes: a watch event lost for good must not
 * stall the controller forever).
 */
public final class ControllerExpectations {

  /** {@code ExpectationsTimeout}. */
  public static final Duration TIMEOUT = Duration.ofMinutes(5);

  private record Expectations(int add, int del, Instant at) {}

  /** Guarded by the map's per-key atomicity: each update is one {@code compute}. */
  private final ConcurrentHashMap<String, Expectations> byKey = new ConcurrentHashMap<>();
  private final Clock clock;

  public ControllerExpectations(Clock clock) {
    this.clock = clock;
  }

  /** {@code SatisfiedExpectations}: nothing recorded, everything observed, or the record expired. */
  public boolean satisfied(String key) {
    Expectations e = byKey.get(key);
    if (e == null) {
      return true;
    }
    return (e.add <= 0 && e.del <= 0) || Duration.between(e.at, clock.instant()).compareTo(TIMEOUT) > 0;
  }

  /** {@code SetExpectations}: replaces what was expected with {@code add} creations and {@code del} deletions. */
  public void expect(String key, int add, int del) {
    byKey.put(key, new Expectations(add, del, clock.instant()));
  }

  /** {@code LowerExpectations}: e.g. creations skipped after a slow-start failure. */
  public void lower(String key, int add, int del) {
    byKey.computeIfPresent(key, (k, e) -> new Expectations(e.add - add, e.del - del, e.at));
  }

  /** {@code CreationObserved}: one expected creation seen (or failed). */
  public void creationObserved(String key) {
    lower(key, 1, 0);
  }

  /** {@code DeletionObserved}: one expected deletion seen (or failed). */
  public void deletionObserved(String key) {
    lower(key, 0, 1);
  }

  /** {@code DeleteExpectations}: the controller object is gone. */
  public void delete(String key) {
    byKey.remove(key);
  }
}
