package io.kube4j.benchmark;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * LIST of many pods: {@code pods} small Pods are created through the API, then the whole collection
 * is read, in one response, in pages, and from the watch cache ({@code resourceVersion=0}), by one
 * client, each several times. Each LIST reads the full body.
 */
final class PodList {

  static final String NAMESPACE = "list";
  private static final String PODS = "/api/v1/namespaces/" + NAMESPACE + "/pods";

  private final Runs runs;
  private final ApiClient api;

  PodList(Runs runs, ApiClient api) {
    this.runs = runs;
    this.api = api;
  }

  /**
   * Creates the pods and times the LISTs; returns the LIST in one response, which is what a client
   * without paging (kubectl get pods --chunk-size=0, an informer's first list) asks for.
   */
  Measurement run(int pods, int createClients, int warmupPods, int repeats, int pageSize)
      throws InterruptedException, IOException {
    api.post("/api/v1/namespaces", Manifests.namespace(NAMESPACE + "-warm"));
    Measurement creates = runs.measure("apiserver create pod (POST)", createClients,
        warmupPods, i -> api.post("/api/v1/namespaces/" + NAMESPACE + "-warm/pods", Manifests.pod("p-" + i)),
        pods, i -> api.post(PODS, Manifests.pod("p-" + i)));
    if (creates.errors() > 0) {
      runs.report().note("LIST: " + creates.errors() + " pod creates failed, so the lists hold fewer pods");
    }

    byte[] full = api.get(PODS);
    ListMeta meta = ListMeta.read(full);
    int pages = pagedWalk(pageSize);
    runs.report().note(String.format(Locale.ROOT,
        "LIST pods: %,d items, %.1f MB of JSON per full list; paged with limit=%d in %d pages",
        meta.items(), full.length / 1e6, pageSize, pages));

    String what = "LIST " + String.format(Locale.ROOT, "%,d", meta.items()) + " pods";
    Measurement whole = runs.measure(what + " (one response)", 1, 2, i -> api.get(PODS), repeats, i -> api.get(PODS));
    minMedianMax(whole);
    minMedianMax(runs.measure(what + " (limit=" + pageSize + ", all pages)", 1, 1, i -> pagedWalk(pageSize),
        repeats, i -> pagedWalk(pageSize)));
    String cached = PODS + "?resourceVersion=0";
    minMedianMax(runs.measure(what + " (resourceVersion=0)", 1, 2, i -> api.get(cached), repeats,
        i -> api.get(cached)));
    return whole;
  }

  /** Reads every page of the collection; returns the number of pages. */
  private int pagedWalk(int pageSize) throws IOException, InterruptedException {
    String cont = "";
    int pages = 0;
    do {
      String path = PODS + "?limit=" + pageSize
          + (cont.isEmpty() ? "" : "&continue=" + URLEncoder.encode(cont, StandardCharsets.UTF_8));
      cont = ListMeta.read(api.get(path)).continueToken();
      pages++;
    } while (!cont.isEmpty());
    return pages;
  }

  private void minMedianMax(Measurement m) {
    runs.report().note(String.format(Locale.ROOT, "%s: min %s / median %s / max %s ms over %d lists",
        m.name(), Table.number(m.latencies().getMinValue() / 1e6), Table.number(m.p50Millis()),
        Table.number(m.maxMillis()), m.operations()));
  }
}
