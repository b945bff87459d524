package io.kube4j.controllermanager.server;

import io.kube4j.controllermanager.workqueue.QueueMetrics;
import java.util.List;
import java.util.Locale;

/**
 * The Prometheus text of the controller-manager's metrics, named as client-go's workqueue metrics
 * ({@code workqueue_depth}, {@code workqueue_adds_total}, {@code workqueue_retries_total},
 * {@code workqueue_queue_duration_seconds}, {@code workqueue_work_duration_seconds}) with quantiles
 * instead of buckets, and {@code leader_election_master_status}.
 */
public final class MetricsText {

  private MetricsText() {}

  public static String render(List<QueueMetrics.Snapshot> queues, boolean leader) {
    StringBuilder out = new StringBuilder();
    out.append("# TYPE leader_election_master_status gauge\n")
        .append("leader_election_master_status{name=\"kube-controller-manager\"} ").append(leader ? 1 : 0).append('\n');
    gauge(out, "workqueue_depth", "gauge", queues, s -> Long.toString(s.depth()));
    gauge(out, "workqueue_adds_total", "counter", queues, s -> Long.toString(s.adds()));
    gauge(out, "workqueue_retries_total", "counter", queues, s -> Long.toString(s.retries()));
    out.append("# TYPE workqueue_queue_duration_seconds summary\n");
    for (QueueMetrics.Snapshot s : queues) {
      quantile(out, "workqueue_queue_duration_seconds", s.name(), "0.5", s.queueLatencyP50Micros());
      quantile(out, "workqueue_queue_duration_seconds", s.name(), "0.99", s.queueLatencyP99Micros());
    }
    out.append("# TYPE workqueue_work_duration_seconds summary\n");
    for (QueueMetrics.Snapshot s : queues) {
      quantile(out, "workqueue_work_duration_seconds", s.name(), "0.5", s.workDurationP50Micros());
      quantile(out, "workqueue_work_duration_seconds", s.name(), "0.99", s.workDurationP99Micros());
    }
    return out.toString();
  }

  private static void gauge(StringBuilder out, String metric, String type, List<QueueMetrics.Snapshot> queues,
      java.util.function.Function<QueueMetrics.Snapshot, String> value) {
    out.append("# TYPE ").append(metric).append(' ').append(type).append('\n');
    for (QueueMetrics.Snapshot s : queues) {
      out.append(metric).append("{name=\"").append(s.name()).append("\"} ").append(value.apply(s)).append('\n');
    }
  }

  private static void quantile(StringBuilder out, String metric, String name, String q, long micros) {
    out.append(metric).append("{name=\"").append(name).append("\",quantile=\"").append(q).append("\"} ")
        .append(String.format(Locale.ROOT, "%.6f", micros / 1e6)).append('\n');
  }
}
