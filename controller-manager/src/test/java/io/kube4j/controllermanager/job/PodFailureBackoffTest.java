package io.kube4j.controllermanager.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The re-creation delay after pod failures ({@code backoff_utils_test.go}). */
class PodFailureBackoffTest {

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void doublesFromTenSecondsUpToSixMinutes() {
    PodFailureBackoff b = PodFailureBackoff.DEFAULT;
    assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 7, 20).stream().map(b::delayAfter).map(Duration::getSeconds))
        .containsExactly(0L, 10L, 20L, 40L, 80L, 160L, 320L, 360L, 360L);
  }

  @Test
  void aShrunkBaseDoublesTheSameWay() {
    PodFailureBackoff b = new PodFailureBackoff(Duration.ofMillis(500), Duration.ofSeconds(3));
    assertThat(List.of(1, 2, 3, 4, 5).stream().map(b::delayAfter).map(Duration::toMillis))
        .containsExactly(500L, 1000L, 2000L, 3000L, 3000L);
  }

  @Test
  void remainingIsTheDelayLessTheTimeSinceTheLastFailure() {
    Clock clock = Clock.fixed(T0.plusSeconds(15), ZoneOffset.UTC);
    PodFailureBackoff b = PodFailureBackoff.DEFAULT;
    assertThat(b.remaining(clock, 3, T0)).isEqualTo(Duration.ofSeconds(25));
    assertThat(b.remaining(clock, 1, T0)).isEqualTo(Duration.ZERO);
    assertThat(b.remaining(clock, 0, null)).isEqualTo(Duration.ZERO);
  }

  @Test
  void failuresAccumulateUntilASuccessAndOnlyLaterOnesCountAfterIt() {
    BackoffStore store = new BackoffStore();
    BackoffStore.BackoffRecord r = store.next("ns/j", List.of(), List.of(finished("a", 10), finished("b", 20)));
    assertThat(r.failuresAfterLastSuccess()).isEqualTo(2);
    assertThat(r.lastFailureTime()).isEqualTo(T0.plusSeconds(20));
    store.update(r);
    assertThat(store.next("ns/j", List.of(), List.of(finished("c", 30))).failuresAfterLastSuccess()).isEqualTo(3);
    BackoffStore.BackoffRecord afterSuccess = store.next("ns/j", List.of(finished("s", 35)),
        List.of(finished("d", 31), finished("e", 40)));
    assertThat(afterSuccess.failuresAfterLastSuccess()).isEqualTo(1);
    assertThat(afterSuccess.lastFailureTime()).isEqualTo(T0.plusSeconds(40));
    assertThat(store.next("ns/j", List.of(finished("s2", 50)), List.of()).failuresAfterLastSuccess()).isZero();
  }

  /** A pod whose only container terminated {@code seconds} after T0. */
  private static Pod finished(String name, int seconds) {
    return new PodBuilder().withNewMetadata().withName(name).withCreationTimestamp(T0.toString()).endMetadata()
        .withNewStatus().addNewContainerStatus().withName("c").withNewState().withNewTerminated()
        .withFinishedAt(T0.plusSeconds(seconds).toString()).endTerminated().endState().endContainerStatus()
        .endStatus().build();
  }
}
