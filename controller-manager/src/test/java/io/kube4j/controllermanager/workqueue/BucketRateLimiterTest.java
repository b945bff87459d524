package io.kube4j.controllermanager.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The worked example in {@link BucketRateLimiter}'s comment, with client-go's defaults (10 qps, burst 100). */
class BucketRateLimiterTest {

  private final FakeClock clock = new FakeClock();
  private final RateLimiter<String> limiter = new BucketRateLimiter<>(10, 100, clock);

  @Test
  void letsABurstThroughThenSpacesCallsOneTokenApart() {
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.when("k" + i)).as("call %d", i + 1).isZero();
    }

    assertThat(limiter.when("k100")).isEqualTo(Duration.ofMillis(100));
    assertThat(limiter.when("k101")).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void refillsAtQpsFromWhereReservationsLeftIt() {
    for (int i = 0; i < 102; i++) {
      limiter.when("k");
    }

    clock.step(Duration.ofSeconds(1)); // -2 tokens + 10 = 8

    for (int i = 0; i < 8; i++) {
      assertThat(limiter.when("k")).as("call %d after the pause", i + 1).isZero();
    }
    assertThat(limiter.when("k")).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void neverHoldsMoreThanTheBurst() {
    clock.step(Duration.ofHours(1));

    for (int i = 0; i < 100; i++) {
      limiter.when("k");
    }

    assertThat(limiter.when("k")).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void isNotPerItem() {
    for (int i = 0; i < 101; i++) {
      limiter.when("k");
    }
    limiter.forget("k");

    assertThat(limiter.numRequeues("k")).isZero();
    assertThat(limiter.when("other")).as("forget gives no token back").isEqualTo(Duration.ofMillis(200));
  }
}
