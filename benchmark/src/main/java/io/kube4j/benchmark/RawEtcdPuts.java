package io.kube4j.benchmark;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.kube4j.apiserver.testing.EtcdProcess;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ceiling: puts of {@code valueBytes}-byte values to distinct keys, straight to etcd through
 * jetcd, one blocking put per client at a time. It runs against its own fresh etcd process (same
 * binary and flags as the apiserver's), stopped before the apiserver starts, so that neither sees the
 * other's data, compactions or CPU.
 */
final class RawEtcdPuts {

  private RawEtcdPuts() {}

  /** Put throughput and latency by number of clients. */
  static Map<Integer, Measurement> run(Runs runs, List<Integer> clientCounts, long warmup, long count, int valueBytes)
      throws InterruptedException {
    Map<Integer, Measurement> byClients = new LinkedHashMap<>();
    Runs.progress("starting a separate etcd for raw puts");
    try (EtcdProcess etcd = EtcdProcess.start();
        io.etcd.jetcd.Client client = io.etcd.jetcd.Client.builder()
            .endpoints(etcd.endpoints().toArray(String[]::new)).build()) {
      KV kv = client.getKVClient();
      ByteSequence value = ByteSequence.from(Manifests.padding(valueBytes), StandardCharsets.US_ASCII);
      for (int run = 0; run < clientCounts.size(); run++) {
        int clients = clientCounts.get(run);
        String prefix = "/registry/configmaps/raw-r" + run + "-c" + clients;
        Measurement m = runs.measure("raw etcd put (jetcd)", clients,
            warmup, i -> kv.put(key(prefix + "-warm/", i), value).get(),
            count, i -> kv.put(key(prefix + "/", i), value).get());
        byClients.put(clients, m);
      }
    }
    return byClients;
  }

  /** A key shaped like the apiserver's (the prefix names the run), distinct for every call. */
  private static ByteSequence key(String prefix, long i) {
    return ByteSequence.from(prefix + "cm-" + i, StandardCharsets.US_ASCII);
  }
}
