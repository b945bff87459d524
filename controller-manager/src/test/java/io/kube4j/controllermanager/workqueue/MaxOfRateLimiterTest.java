package io.kube4j.controllermanager.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaxOfRateLimiterTest {

  private final FakeClock clock = new FakeClock();
  private final RateLimiter<String> limiter = new MaxOfRateLimiter<>(List.of(
      new ItemExponentialFailureRateLimiter<>(Duration.ofMillis(1), Duration.ofSeconds(1)),
      new BucketRateLimiter<>(1, 1, clock)));

  @Test
  void waitsAsLongAsTheStrictestLimiterSays() {
    assertThat(limiter.when("k")).as("backoff 1 ms, bucket has a token").isEqualTo(Duration.ofMillis(1));
    assertThat(limiter.when("k")).as("backoff 2 ms, bucket empty for 1 s").isEqualTo(Duration.ofSeconds(1));
    assertThat(limiter.numRequeues("k")).isEqualTo(2);
  }

  @Test
  void forgetReachesEveryLimiter() {
    limiter.when("k");
    limiter.when("k");

    limiter.forget("k");
    clock.step(Duration.ofSeconds(10));

    assertThat(limiter.numRequeues("k")).isZero();
    assertThat(limiter.when("k")).isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void theDefaultControllerLimiterStartsAtFiveMillisecondsAndDoubles() {
    RateLimiter<String> controller = RateLimiters.defaultControllerRateLimiter();

    assertThat(controller.when("k")).isEqualTo(Duration.ofMillis(5));
    assertThat(controller.when("k")).isEqualTo(Duration.ofMillis(10));
    assertThat(controller.when("other")).isEqualTo(Duration.ofMillis(5));
  }
}
