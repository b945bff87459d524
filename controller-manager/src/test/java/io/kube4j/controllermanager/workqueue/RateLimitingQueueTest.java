package io.kube4j.controllermanager.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitingQueueTest {

  private final FakeClock clock = new FakeClock();
  private final RateLimitingQueue<String> queue = new RateLimitingQueue<>("test",
      new ItemExponentialFailureRateLimiter<>(Duration.ofMillis(10), Duration.ofSeconds(1)), clock);

  @AfterEach
  void shutDown() {
    queue.shutDown();
  }

  @Test
  void retriesAFailedKeyAfterTheLimitersGrowingDelay() throws Exception {
    queue.addRateLimited("k"); // due in 10 ms
    assertThat(queue.len()).isZero();
    clock.step(Duration.ofMillis(10));
    assertThat(getWithinDeadline()).contains("k");
    queue.done("k");

    queue.addRateLimited("k"); // second failure: due in 20 ms
    queue.addAfter("probe", Duration.ofMillis(15));
    clock.step(Duration.ofMillis(15));
    assertThat(getWithinDeadline()).as("k is not due yet at 15 ms").contains("probe");
    clock.step(Duration.ofMillis(5));
    assertThat(getWithinDeadline()).contains("k");

    assertThat(queue.numRequeues("k")).isEqualTo(2);
    assertThat(queue.metrics().snapshot().retries()).isEqualTo(2);
  }

  @Test
  void forgetResetsTheBackoffOfASucceededKey() throws Exception {
    queue.addRateLimited("k");
    queue.addRateLimited("k");
    queue.forget("k");
    assertThat(queue.numRequeues("k")).isZero();

    queue.addRateLimited("k"); // first failure again: 10 ms, earlier than the 20 ms already waiting
    clock.step(Duration.ofMillis(10));
    assertThat(getWithinDeadline()).contains("k");
  }

  private Optional<String> getWithinDeadline() throws Exception {
    return BlockingCall.start("worker", queue::get).result();
  }
}
