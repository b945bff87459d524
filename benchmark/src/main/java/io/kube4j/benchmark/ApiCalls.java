package io.kube4j.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The create and GET runs through the apiserver: 1 KiB ConfigMaps POSTed by N clients (compared
 * with raw etcd puts at the same N), then GETs of one ConfigMap by name.
 */
final class ApiCalls {

  static final String NAMESPACE = "bench";
  private static final String CONFIGMAPS = "/api/v1/namespaces/" + NAMESPACE + "/configmaps";

  private final Runs runs;
  private final ApiClient api;

  ApiCalls(Runs runs, ApiClient api) {
    this.runs = runs;
    this.api = api;
  }

  /**
   * Creates {@code count} ConfigMaps per client count; returns the measurements by client count (the
   * last, when a count repeats).
   */
  Map<Integer, Measurement> creates(List<Integer> clientCounts, long warmup, long count, int valueBytes)
      throws InterruptedException {
    String padding = Manifests.padding(valueBytes);
    Map<Integer, Measurement> byClients = new java.util.LinkedHashMap<>();
    for (int run = 0; run < clientCounts.size(); run++) {
      int clients = clientCounts.get(run);
      String prefix = "r" + run + "-c" + clients + "-";
      Measurement m = runs.measure("apiserver create configmap (POST)", clients,
          warmup, i -> api.post(CONFIGMAPS, Manifests.configMap("warm-" + prefix + i, padding)),
          count, i -> api.post(CONFIGMAPS, Manifests.configMap("cm-" + prefix + i, padding)));
      byClients.put(clients, m);
    }
    return byClients;
  }

  /** GETs one ConfigMap by name: sequentially, then with {@code clients} at once. */
  Map<Integer, Measurement> gets(List<Integer> clientCounts, long warmup, long count, int valueBytes)
      throws InterruptedException, IOException {
    String path = CONFIGMAPS + "/get-target";
    api.post(CONFIGMAPS, Manifests.configMap("get-target", Manifests.padding(valueBytes)));
    byte[] body = api.get(path);
    if (!new ObjectMapper().readTree(body).path("metadata").path("name").asText().equals("get-target")) {
      throw new IOException("GET " + path + " did not answer with the ConfigMap");
    }
    Map<Integer, Measurement> byClients = new java.util.LinkedHashMap<>();
    for (int clients : clientCounts) {
      byClients.put(clients, runs.measure("apiserver GET configmap by name", clients,
          warmup, i -> api.get(path), count, i -> api.get(path)));
    }
    return byClients;
  }
}
