package io.kube4j.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static CpuAccount.Usage usage(double otherProcesses) {
    Map<String, Double> cores = new LinkedHashMap<>();
    CpuAccount.PARTS.forEach(p -> cores.put(p, 0.1));
    return new CpuAccount.Usage(Duration.ofSeconds(2), cores, otherProcesses, 0.1);
  }

  private static Measurement measurement(long errors) {
    Histogram h = new Histogram(3);
    h.recordValue(2_000_000);
    return new Measurement("apiserver create configmap (POST)", 16, 1 + errors, errors, Duration.ofMillis(1), h,
        errors > 0 ? "java.io.IOException: HTTP 409" : "");
  }

  @Test
  void printsRunsGoalsAndCpuWithoutWarningsOnAQuietMachine() {
    Report r = new Report();
    r.header("machine", "2 cores");
    r.run(measurement(0));
    r.goal(new Goal("GET p99, 1 client(s)", 3, Goal.Comparison.BELOW, 5, "ms"));
    r.cpu("apiserver create configmap (POST), 16 clients", usage(0.01));

    String out = r.render();

    assertThat(out).contains("machine  2 cores")
        .containsPattern("apiserver create configmap \\(POST\\)\\s+16\\s+1\\s+0\\s+1,000\\s+2.00")
        .containsPattern("GET p99, 1 client\\(s\\)\\s+3.00 ms\\s+< 5.00 ms\\s+PASS")
        .doesNotContain("WARNING", "errors, first");
  }

  @Test
  void namesTheRunsOtherProcessesDisturbedAndTheFirstErrorOfAFailingRun() {
    Report r = new Report();
    r.run(measurement(3));
    r.cpu("raw etcd put (jetcd), 16 clients", usage(0.6));

    String out = r.render();

    assertThat(out).contains("WARNING: other processes used more than 0.25 cores during these runs")
        .contains("\n  raw etcd put (jetcd), 16 clients: 0.60 cores\n")
        .contains("apiserver create configmap (POST) (16 clients): 3 errors, first: java.io.IOException: HTTP 409");
  }
}
