package io.kube4j.benchmark.controllers;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.controllermanager.ControllerManager;
import io.kube4j.controllermanager.ControllerManagerOptions;
import io.kube4j.controllermanager.workqueue.QueueMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The controller-manager benchmark command: starts etcd, the apiserver and the controller-manager in
 * this JVM (as kubeadm configures them: every controller as its own service account), runs the
 * scenarios and prints throughput, catch-up time and workqueue latency per controller.
 */
@Command(name = "benchmark/controllers", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Measures how fast kube4j's controllers follow bursts of changes.")
public final class ControllerBenchmark implements Callable<Integer> {

  @Option(names = "--scenarios", split = ",", defaultValue = "${sys:bench.scenarios:-endpoints,gc}",
      description = "Scenarios to run (default: ${DEFAULT-VALUE}).")
  Set<String> scenarios;

  @Option(names = "--services", defaultValue = "${sys:bench.services:-1000}")
  int services;

  @Option(names = "--pods-per-service", defaultValue = "${sys:bench.podsPerService:-10}")
  int podsPerService;

  @Option(names = "--dependents", defaultValue = "${sys:bench.dependents:-10000}")
  int dependents;

  @Option(names = "--writers", defaultValue = "${sys:bench.writers:-16}",
      description = "Concurrent API writers driving the changes (default: ${DEFAULT-VALUE}).")
  int writers;

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    java.util.logging.LogManager.getLogManager().reset();
    System.exit(new CommandLine(new ControllerBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    try (TestCluster cluster = TestCluster.startWithFullAdmission()) {
      Path dir = Files.createTempDirectory("controller-bench");
      Path kubeconfig = cluster.pki().kubeconfig(dir.resolve("cm.kubeconfig"), cluster.url(),
          "system:kube-controller-manager", List.of());
      ControllerManagerOptions options = new ControllerManagerOptions(kubeconfig, List.of("*"), true,
          ControllerManagerOptions.LeaderElection.DEFAULT, Optional.of(cluster.pki().caCert()),
          Optional.of(cluster.pki().caKey()), Duration.ofHours(8760), Optional.of(cluster.pki().caCert()),
          "127.0.0.1", 0, ControllerManagerOptions.NodeLifecycle.DEFAULT, ControllerManagerOptions.NodeIpam.DEFAULT,
          ControllerManagerOptions.PodGc.DEFAULT);
      try (ControllerManager manager = ControllerManager.start(options, () -> { });
           KubernetesClient client = client(cluster);
           ParallelWriter writer = new ParallelWriter(writers)) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!manager.isLeading() && System.nanoTime() < deadline) {
          java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        System.out.printf(Locale.ROOT, "kube4j controller benchmark: %d cores, %d writers%n",
            Runtime.getRuntime().availableProcessors(), writers);
        if (scenarios.contains("endpoints")) {
          report(new EndpointsScenario(client, writer, services, podsPerService).run());
        }
        if (scenarios.contains("gc")) {
          report(new GarbageCollectionScenario(client, writer, dependents).run());
        }
        queues(manager);
      }
    }
    return 0;
  }

  private static void report(EndpointsScenario.Result r) {
    double burstRate = r.pods() / seconds(r.burst());
    double followRate = r.pods() / seconds(r.burstConverged());
    System.out.printf(Locale.ROOT, "%nendpoints: %d services x %d pods%n", r.services(), r.pods() / r.services());
    System.out.printf(Locale.ROOT, "  setup: %d creates + %d status writes in %.1f s; endpoints complete %.1f s after"
        + " the first write%n", r.services() + r.pods(), r.pods(), seconds(r.setupWrites()), seconds(r.setupConverged()));
    System.out.printf(Locale.ROOT, "  burst: %d pods turned not ready in %.1f s (%.0f writes/s, the baseline)%n",
        r.pods(), seconds(r.burst()), burstRate);
    System.out.printf(Locale.ROOT, "  every Endpoints shows it %.1f s after the burst began, %.1f s after it ended:"
        + " %.0f pod changes/s followed, %.2f of the write rate%n", seconds(r.burstConverged()),
        seconds(r.burstConverged().minus(r.burst())), followRate, followRate / burstRate);
  }

  private static void report(GarbageCollectionScenario.Result r) {
    double createRate = r.dependents() / seconds(r.create());
    double collectRate = r.dependents() / seconds(r.collect());
    System.out.printf(Locale.ROOT, "%ngarbage collection: %d dependents of one owner, deleted in the background%n",
        r.dependents());
    System.out.printf(Locale.ROOT, "  created in %.1f s (%.0f/s, the baseline); collected in %.1f s (%.0f/s, %.2f of"
        + " the create rate)%n", seconds(r.create()), createRate, seconds(r.collect()), collectRate,
        collectRate / createRate);
    System.out.printf(Locale.ROOT, "  heap after full GC: %d MiB before, %d MiB with the dependents, %d MiB after"
        + " (whole JVM: etcd client, apiserver caches, controllers)%n", r.heapBeforeMiB(), r.heapLoadedMiB(),
        r.heapAfterMiB());
  }

  private static void queues(ControllerManager manager) {
    System.out.printf(Locale.ROOT, "%n%-46s %9s %9s %8s %14s %14s%n", "workqueue", "adds", "retries", "depth",
        "queue p99 ms", "work p99 ms");
    for (var loop : manager.loops()) {
      QueueMetrics.Snapshot s = loop.metrics().snapshot();
      if (s.adds() == 0) {
        continue;
      }
      System.out.printf(Locale.ROOT, "%-46s %9d %9d %8d %14.2f %14.2f%n", s.name(), s.adds(), s.retries(), s.depth(),
          s.queueLatencyP99Micros() / 1000.0, s.workDurationP99Micros() / 1000.0);
    }
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  /** An admin client allowing as many requests in flight as there are writers. */
  private KubernetesClient client(TestCluster cluster) {
    Config base = cluster.adminClient().getConfiguration();
    Config config = new ConfigBuilder(base).withMaxConcurrentRequests(writers * 2)
        .withMaxConcurrentRequestsPerHost(writers * 2).build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
