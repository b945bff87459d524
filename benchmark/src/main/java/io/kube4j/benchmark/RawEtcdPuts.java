package io.kube4j.benchmark;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.kube4j.apiserver.testing.EtcdProcess;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ceiling: puts of {@code valueBytes}-byte values to distinct keys, straight to etcd through
 * jetcd, one blocking put per client at a time; and the same writes as the apiserver makes them, a
 * transaction that puts only if the key does not exist yet (create_revision = 0), which etcd 3.4 runs
 * at roughly half the rate of plain puts. It runs against its own fresh etcd process (same binary
 * and flags as the apiserver's), stopped before the apiserver starts, so that neither sees the
 * other's data, compactions or CPU.
 */
final class RawEtcdPuts {

  private RawEtcdPuts() {}

  /** Throughput and latency by number of clients: of plain puts, and of create transactions. */
  record Baselines(Map<Integer, Measurement> puts, Map<Integer, Measurement> createTxns) {

    static final Baselines NONE = new Baselines(Map.of(), Map.of());
  }

  static Baselines run(Runs runs, List<Integer> clientCounts, long warmup, long count, int valueBytes)
      throws InterruptedException {
    Map<Integer, Measurement> puts = new LinkedHashMap<>();
    Map<Integer, Measurement> txns = new LinkedHashMap<>();
    Runs.progress("starting a separate etcd for raw puts");
    try (EtcdProcess etcd = EtcdProcess.start();
        io.etcd.jetcd.Client client = io.etcd.jetcd.Client.builder()
            .endpoints(etcd.endpoints().toArray(String[]::new)).build()) {
      KV kv = client.getKVClient();
      ByteSequence value = ByteSequence.from(Manifests.padding(valueBytes), StandardCharsets.US_ASCII);
      for (int run = 0; run < clientCounts.size(); run++) {
        int clients = clientCounts.get(run);
        String prefix = "/registry/configmaps/raw-r" + run + "-c" + clients;
        puts.put(clients, runs.measure("raw etcd put (jetcd)", clients,
            warmup, i -> kv.put(key(prefix + "-warm/", i), value).get(),
            count, i -> kv.put(key(prefix + "/", i), value).get()));
        txns.put(clients, runs.measure("raw etcd create txn (jetcd)", clients,
            warmup, i -> create(kv, key(prefix + "-txn-warm/", i), value),
            count, i -> create(kv, key(prefix + "-txn/", i), value)));
      }
    }
    return new Baselines(puts, txns);
  }

  /** The apiserver's create: put if absent, else read what is there (as EtcdStorage.create). */
  private static void create(KV kv, ByteSequence key, ByteSequence value) throws Exception {
    kv.txn()
        .If(new Cmp(key, Cmp.Op.EQUAL, CmpTarget.createRevision(0)))
        .Then(Op.put(key, value, PutOption.DEFAULT))
        .Else(Op.get(key, GetOption.DEFAULT))
        .commit().get();
  }

  /** A key shaped like the apiserver's (the prefix names the run), distinct for every call. */
  private static ByteSequence key(String prefix, long i) {
    return ByteSequence.from(prefix + "cm-" + i, StandardCharsets.US_ASCII);
  }
}
