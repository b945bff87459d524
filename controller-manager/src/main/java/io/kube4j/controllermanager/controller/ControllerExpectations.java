package io.kube4j.controllermanager.controller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What each controller (by key) still expects to see in its pod informer before it may act again
 * (upstream's {@code UIDTrackingControllerExpectations} over {@code ControllerExpectations}). A
 * controller that created 3 pods expects 3 adds; until its informer has shown them (or 5 minutes
 * have passed) a sync must not count pods again, or a cache that has not caught up would make it
 * create 3 more. Deletions are tracked by pod key ({@code namespace/name}), so that the update
 * setting a pod's deletionTimestamp and the final delete count once between them.
 *
 * <p>Expectations are only ever lowered once set; a controller without expectations is satisfied.
 * Thread-safe: informer threads observe while workers set and check.
 */
public final class ControllerExpectations {

  /**
   * {@code ExpectationsTimeout}: if a watch event was lost, a controller sleeping on expectations
   * wakes up anyway after this long.
   */
  public static final Duration EXPECTATIONS_TIMEOUT = Duration.ofMinutes(5);

  /** {@code ControlleeExpectations}: counts still outstanding and when they were set; guarded by itself. */
  private static final class Expectation {
    long add;
    long del;
    final Instant timestamp;
    final Set<String> deleteKeys = new HashSet<>();

    Expectation(long add, long del, Instant timestamp) {
      this.add = add;
      this.del = del;
      this.timestamp = timestamp;
    }

    synchronized boolean fulfilled() {
      return add <= 0 && del <= 0;
    }
  }

  private final ConcurrentMap<String, Expectation> expectations = new ConcurrentHashMap<>();
  private final Clock clock;

  public ControllerExpectations(Clock clock) {
    this.clock = clock;
  }

  /**
   * {@code SatisfiedExpectations}: true when every expected add and delete has been observed, when the
   * expectations expired, or when the controller never set any.
   */
  public boolean satisfied(String controllerKey) {
    Expectation e = expectations.get(controllerKey);
    if (e == null) {
      return true;
    }
    return e.fulfilled() || Duration.between(e.timestamp, clock.instant()).compareTo(EXPECTATIONS_TIMEOUT) > 0;
  }

  /** {@code ExpectCreations}: replaces what was expected with {@code adds} pod creations. */
  public void expectCreations(String controllerKey, int adds) {
    expect(controllerKey, adds, List.of());
  }

  /** {@code ExpectDeletions}: replaces what was expected with the deletion of these pods. */
  public void expectDeletions(String controllerKey, Collection<String> podKeys) {
    expect(controllerKey, 0, podKeys);
  }

  /**
   * {@code SetExpectations}, with the deletions named by pod key: replaces what was expected with
   * {@code adds} creations and the deletion of these pods. A DaemonSet creates on some nodes and
   * deletes on others in one sync, so it sets both at once.
   */
  public void expect(String controllerKey, int adds, Collection<String> deletePodKeys) {
    Expectation e = new Expectation(adds, 0, clock.instant());
    e.deleteKeys.addAll(deletePodKeys);
    e.del = e.deleteKeys.size();
    expectations.put(controllerKey, e);
  }

  /** {@code CreationObserved}: one expected pod appeared (or a creation was not attempted after all). */
  public void creationObserved(String controllerKey) {
    Expectation e = expectations.get(controllerKey);
    if (e != null) {
      synchronized (e) {
        e.add--;
      }
    }
  }

  /**
   * {@code DeletionObserved}: the pod {@code podKey} went (or started terminating); counts only for a
   * pod this controller expected to delete, and only once.
   */
  public void deletionObserved(String controllerKey, String podKey) {
    Expectation e = expectations.get(controllerKey);
    if (e != null) {
      synchronized (e) {
        if (e.deleteKeys.remove(podKey)) {
          e.del--;
        }
      }
    }
  }

  /** {@code DeleteExpectations}: the controller is gone, or a new one of the same name starts clean. */
  public void delete(String controllerKey) {
    expectations.remove(controllerKey);
  }

  /** Outstanding adds and deletes, for logs and tests; {0, 0} without expectations. */
  public long[] pending(String controllerKey) {
    Expectation e = expectations.get(controllerKey);
    if (e == null) {
      return new long[] {0, 0};
    }
    synchronized (e) {
      return new long[] {e.add, e.del};
    }
  }
}
