package io.kube4j.controllermanager.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ItemExponentialFailureRateLimiterTest {

  private final RateLimiter<String> limiter =
      new ItemExponentialFailureRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000));

  record Case(String name, int failures, Duration lastDelay) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("first failure waits the base delay", 1, Duration.ofMillis(5)),
        new Case("second failure doubles it", 2, Duration.ofMillis(10)),
        new Case("third failure doubles again", 3, Duration.ofMillis(20)),
        new Case("18th failure is 5 ms * 2^17", 18, Duration.ofMillis(655_360)),
        new Case("19th failure (1310.72 s) is capped", 19, Duration.ofSeconds(1000)),
        new Case("2^1999 does not overflow, still capped", 2000, Duration.ofSeconds(1000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void backsOffExponentiallyUpToTheMaximum(Case c) {
    Duration last = Duration.ZERO;
    for (int i = 0; i < c.failures(); i++) {
      last = limiter.when("default/web");
    }

    assertThat(last).isEqualTo(c.lastDelay());
    assertThat(limiter.numRequeues("default/web")).isEqualTo(c.failures());
  }

  @Test
  void forgetStartsTheBackoffOver() {
    limiter.when("k");
    limiter.when("k");
    limiter.when("k");

    limiter.forget("k");

    assertThat(limiter.numRequeues("k")).isZero();
    assertThat(limiter.when("k")).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void countsEachItemApart() {
    limiter.when("a");
    limiter.when("a");

    assertThat(limiter.when("b")).isEqualTo(Duration.ofMillis(5));
    assertThat(limiter.numRequeues("a")).isEqualTo(2);
    assertThat(limiter.numRequeues("b")).isEqualTo(1);
  }
}
