package io.kube4j.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class LoadRunnerTest {

  @Test
  void makesEachCallOnceAcrossAllClientsAndRecordsEveryLatency() throws InterruptedException {
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    Set<String> threads = ConcurrentHashMap.newKeySet();

    Measurement m = LoadRunner.run("count", 4, 1000, i -> {
      seen.add(i);
      threads.add(Thread.currentThread().getName());
    });

    assertThat(seen).hasSize(1000).allMatch(i -> i >= 0 && i < 1000);
    assertThat(threads).allMatch(n -> n.startsWith("bench-client-"));
    assertThat(m.operations()).isEqualTo(1000);
    assertThat(m.errors()).isZero();
    assertThat(m.latencies().getTotalCount()).isEqualTo(1000);
    assertThat(m.perSecond()).isPositive();
  }

  @Test
  void countsFailedCallsAsErrorsWithTheFirstMessageAndLeavesThemOutOfTheLatencies() throws InterruptedException {
    Measurement m = LoadRunner.run("flaky", 1, 10, i -> {
      if (i % 5 == 0) {
        throw new IOException("HTTP 500 at " + i);
      }
    });

    assertThat(m.errors()).isEqualTo(2);
    assertThat(m.firstError()).isEqualTo("java.io.IOException: HTTP 500 at 0");
    assertThat(m.latencies().getTotalCount()).isEqualTo(8);
  }

  @Test
  void percentilesOfAnEmptyRunAreNotANumber() throws InterruptedException {
    Measurement m = LoadRunner.run("none", 2, 0, i -> { });

    assertThat(m.operations()).isZero();
    assertThat(m.p99Millis()).isNaN();
    assertThat(m.maxMillis()).isNaN();
  }
}
