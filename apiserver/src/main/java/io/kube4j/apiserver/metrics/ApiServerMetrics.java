package io.kube4j.apiserver.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The apiserver's metrics registry: thread safe, rendered on {@code GET /metrics}. */
public final class ApiServerMetrics {

  private record RequestKey(String verb, String group, String resource, String code) {}

  private record LatencyKey(String verb, String group, String resource) {}

  private final Map<RequestKey, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<LatencyKey, Histogram> latencies = new ConcurrentHashMap<>();
  private final Map<String, Histogram> etcd = new ConcurrentHashMap<>();

  /** Records one finished request; watches are recorded when they start, as upstream's WATCH verb. */
  public void request(String verb, String group, String resource, int code, double seconds) {
    requests.computeIfAbsent(new RequestKey(verb.toUpperCase(java.util.Locale.ROOT), group, resource,
        Integer.toString(code)), k -> new LongAdder()).increment();
    latencies.computeIfAbsent(new LatencyKey(verb.toUpperCase(java.util.Locale.ROOT), group, resource),
        k -> new Histogram(Histogram.REQUEST_BUCKETS)).observe(seconds);
  }

  /** Records one etcd call, e.g. {@code operation} "get", "list", "create", "update", "delete". */
  public void etcdRequest(String operation, String type, double seconds) {
    etcd.computeIfAbsent(operation + "\u0000" + type, k -> new Histogram(Histogram.ETCD_BUCKETS)).observe(seconds);
  }

  public String render() {
    StringBuilder out = new StringBuilder(4096);
    out.append("# HELP apiserver_request_total Counter of apiserver requests broken out for each verb, group, resource and HTTP response code.\n");
    out.append("# TYPE apiserver_request_total counter\n");
    new TreeMap<String, Long>(toSorted()).forEach((k, v) -> out.append(k).append(' ').append(v).append('\n'));
    out.append("# HELP apiserver_request_duration_seconds Response latency distribution in seconds for each verb, group and resource.\n");
    out.append("# TYPE apiserver_request_duration_seconds histogram\n");
    latencies.forEach((k, h) -> h.write(out, "apiserver_request_duration_seconds",
        "verb=\"" + k.verb() + "\",group=\"" + k.group() + "\",resource=\"" + k.resource() + "\""));
    out.append("# HELP etcd_request_duration_seconds Etcd request latency in seconds for each operation and object type.\n");
    out.append("# TYPE etcd_request_duration_seconds histogram\n");
    etcd.forEach((k, h) -> {
      String[] parts = k.split("\u0000", 2);
      h.write(out, "etcd_request_duration_seconds", "operation=\"" + parts[0] + "\",type=\"" + parts[1] + "\"");
    });
    return out.toString();
  }

  private Map<String, Long> toSorted() {
    Map<String, Long> m = new TreeMap<>();
    requests.forEach((k, v) -> m.put("apiserver_request_total{code=\"" + k.code() + "\",group=\"" + k.group()
        + "\",resource=\"" + k.resource() + "\",verb=\"" + k.verb() + "\"}", v.sum()));
    return m;
  }
}
