package io.kube4j.benchmark;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * One measured run: {@code operations} calls made by {@code clients} concurrent clients in
 * {@code elapsed} wall time, the latency of each successful call in {@code latencies} (nanoseconds).
 *
 * @param firstError the first failure's message, empty when none failed
 */
record Measurement(String name, int clients, long operations, long errors, Duration elapsed, Histogram latencies,
    String firstError) {

  /** Completed calls (successful or not) per second of wall time. */
  double perSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds == 0 ? 0 : operations / seconds;
  }

  double p50Millis() {
    return percentileMillis(50);
  }

  double p99Millis() {
    return percentileMillis(99);
  }

  double maxMillis() {
    return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getMaxValue() / 1e6;
  }

  /** The latency at {@code percentile} in milliseconds; NaN when nothing succeeded. */
  double percentileMillis(double percentile) {
    return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1e6;
  }
}
