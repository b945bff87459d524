package io.kube4j.controllermanager.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControllerExpectationsTest {

  /** A clock the test moves. */
  static final class SettableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override public ZoneId getZone() { return ZoneId.of("UTC"); }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  final SettableClock clock = new SettableClock();
  final ControllerExpectations expectations = new ControllerExpectations(clock);

  @Test
  void aControllerWithoutExpectationsIsSatisfied() {
    assertThat(expectations.satisfied("ns/rs")).isTrue();
  }

  @Test
  void creationsMustAllBeObserved() {
    expectations.expectCreations("ns/rs", 2);
    expectations.creationObserved("ns/rs");
    assertThat(expectations.satisfied("ns/rs")).isFalse();
    expectations.creationObserved("ns/rs");
    assertThat(expectations.satisfied("ns/rs")).isTrue();
  }

  @Test
  void aDeletionCountsOncePerPodEvenWhenSeenTwice() {
    expectations.expectDeletions("ns/rs", List.of("ns/a", "ns/b"));
    // the update setting deletionTimestamp, then the final delete, of the same pod
    expectations.deletionObserved("ns/rs", "ns/a");
    expectations.deletionObserved("ns/rs", "ns/a");
    expectations.deletionObserved("ns/rs", "ns/other");
    assertThat(expectations.satisfied("ns/rs")).isFalse();
    assertThat(expectations.pending("ns/rs")).containsExactly(0, 1);
    expectations.deletionObserved("ns/rs", "ns/b");
    assertThat(expectations.satisfied("ns/rs")).isTrue();
  }

  @Test
  void creationsAndDeletionsSetTogetherMustBothBeObserved() {
    // a DaemonSet sync creates on one node and deletes on another
    expectations.expect("ns/ds", 1, List.of("ns/old"));
    expectations.creationObserved("ns/ds");
    assertThat(expectations.satisfied("ns/ds")).isFalse();
    expectations.deletionObserved("ns/ds", "ns/old");
    assertThat(expectations.satisfied("ns/ds")).isTrue();
  }

  @Test
  void settingExpectationsReplacesWhatWasExpected() {
    expectations.expectCreations("ns/rs", 3);
    expectations.expectDeletions("ns/rs", List.of("ns/a"));
    assertThat(expectations.pending("ns/rs")).containsExactly(0, 1);
  }

  @Test
  void expectationsExpireAfterFiveMinutes() {
    expectations.expectCreations("ns/rs", 3);
    clock.now = clock.now.plus(Duration.ofMinutes(5));
    assertThat(expectations.satisfied("ns/rs")).isFalse();
    clock.now = clock.now.plusSeconds(1);
    assertThat(expectations.satisfied("ns/rs")).isTrue();
  }

  @Test
  void deletingExpectationsStartsClean() {
    expectations.expectCreations("ns/rs", 3);
    expectations.delete("ns/rs");
    assertThat(expectations.satisfied("ns/rs")).isTrue();
  }
}
