package io.kube4j.apiserver.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/** A Prometheus histogram with fixed bucket bounds (seconds); lock-free. */
final class Histogram {

  /** Upstream's apiserver_request_duration_seconds buckets, from 5 ms to 60 s. */
  static final double[] REQUEST_BUCKETS = {0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3,
      4, 5, 6, 8, 10, 15, 20, 30, 45, 60};
  /** etcd_request_duration_seconds buckets, from 5 ms to 60 s as well. */
  static final double[] ETCD_BUCKETS = {0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5,
      6, 8, 10, 15, 20, 30, 45, 60};

  private final double[] bounds;
  private final AtomicLongArray counts;
  private final AtomicLong count = new AtomicLong();
  private final DoubleAdder sum = new DoubleAdder();

  Histogram(double[] bounds) {
    this.bounds = bounds;
    this.counts = new AtomicLongArray(bounds.length);
  }

  void observe(double seconds) {
    for (int i = 0; i < bounds.length; i++) {
      if (seconds <= bounds[i]) {
        counts.incrementAndGet(i);
        break;
      }
    }
    count.incrementAndGet();
    sum.add(seconds);
  }

  /** Appends {@code name_bucket{labels,le=..}}, {@code _sum} and {@code _count} lines. */
  void write(StringBuilder out, String name, String labels) {
    long cumulative = 0;
    String sep = labels.isEmpty() ? "" : labels + ",";
    for (int i = 0; i < bounds.length; i++) {
      cumulative += counts.get(i);
      out.append(name).append("_bucket{").append(sep).append("le=\"").append(bounds[i]).append("\"} ")
          .append(cumulative).append('\n');
    }
    out.append(name).append("_bucket{").append(sep).append("le=\"+Inf\"} ").append(count.get()).append('\n');
    out.append(name).append("_sum{").append(labels).append("} ").append(sum.sum()).append('\n');
    out.append(name).append("_count{").append(labels).append("} ").append(count.get()).append('\n');
  }
}
