package io.kube4j.scheduler.metrics;

import io.kube4j.scheduler.queue.SchedulingQueue.PendingPods;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counters and a latency histogram, rendered as Prometheus text. */
public final class SchedulerMetrics {

  /** Results of a scheduling attempt, as the {@code result} label upstream. */
  public enum Result {
    SCHEDULED("scheduled"), UNSCHEDULABLE("unschedulable"), ERROR("error");

    final String label;

    Result(String label) {
      this.label = label;
    }
  }

  /** Upstream's buckets: 1 ms doubling, 15 of them. */
  private static final double[] BUCKETS = new double[15];

  static {
    for (int i = 0; i < BUCKETS.length; i++) {
      BUCKETS[i] = 0.001 * Math.pow(2, i);
    }
  }

  private final AtomicLong[] attempts = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
  private final AtomicLongArray bucketCounts = new AtomicLongArray(BUCKETS.length);
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong sumNanos = new AtomicLong();

  public void attempt(Result result, Duration duration) {
    attempts[result.ordinal()].incrementAndGet();
    double seconds = duration.toNanos() / 1e9;
    for (int i = 0; i < BUCKETS.length; i++) {
      if (seconds <= BUCKETS[i]) {
        bucketCounts.incrementAndGet(i);
      }
    }
    count.incrementAndGet();
    sumNanos.addAndGet(duration.toNanos());
  }

  public long attempts(Result result) {
    return attempts[result.ordinal()].get();
  }

  public String render(String profile, PendingPods pending, boolean leader) {
    StringBuilder out = new StringBuilder();
    out.append("# TYPE leader_election_master_status gauge\n")
        .append("leader_election_master_status{name=\"kube-scheduler\"} ").append(leader ? 1 : 0).append('\n');
    out.append("# TYPE scheduler_schedule_attempts_total counter\n");
    for (Result r : Result.values()) {
      out.append("scheduler_schedule_attempts_total{profile=\"").append(profile).append("\",result=\"")
          .append(r.label).append("\"} ").append(attempts(r)).append('\n');
    }
    out.append("# TYPE scheduler_pending_pods gauge\n")
        .append("scheduler_pending_pods{queue=\"active\"} ").append(pending.active()).append('\n')
        .append("scheduler_pending_pods{queue=\"backoff\"} ").append(pending.backoff()).append('\n')
        .append("scheduler_pending_pods{queue=\"unschedulable\"} ").append(pending.unschedulable()).append('\n');
    String name = "scheduler_scheduling_attempt_duration_seconds";
    out.append("# TYPE ").append(name).append(" histogram\n");
    for (int i = 0; i < BUCKETS.length; i++) {
      out.append(name).append("_bucket{le=\"").append(String.format(Locale.ROOT, "%.3f", BUCKETS[i])).append("\"} ")
          .append(bucketCounts.get(i)).append('\n');
    }
    out.append(name).append("_bucket{le=\"+Inf\"} ").append(count.get()).append('\n')
        .append(name).append("_sum ").append(String.format(Locale.ROOT, "%.6f", sumNanos.get() / 1e9)).append('\n')
        .append(name).append("_count ").append(count.get()).append('\n');
    return out.toString();
  }
}
