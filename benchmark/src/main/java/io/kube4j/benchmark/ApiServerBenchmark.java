package io.kube4j.benchmark;

import io.kube4j.apiserver.ApiServerConfig;
import io.kube4j.apiserver.testing.EtcdProcess;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.apiserver.testing.TestPki;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The apiserver benchmark command: starts its own etcd and apiserver (this JVM, HTTPS with client
 * certificates), measures them beside raw etcd, and prints one report with the goals.
 * Every size is a flag and also a system property ({@code -Dbench.writes=20000}).
 */
@Command(name = "benchmark/run", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Measures the kube4j apiserver against raw etcd on this machine and prints a report.")
public final class ApiServerBenchmark implements Callable<Integer> {

  /** The goals. */
  static final double CREATE_RATIO_GOAL = 60;
  static final double GET_P99_GOAL_MS = 5;
  static final double LIST_GOAL_MS = 500;
  static final double AUTH_ADDED_GOAL_US = 100;

  @Option(names = "--phases", split = ",", defaultValue = "${sys:bench.phases:-etcd,create,get,list,watch,auth}",
      description = "Phases to run (default: ${DEFAULT-VALUE}).")
  Set<String> phases;

  @Option(names = "--clients", split = ",", defaultValue = "${sys:bench.clients:-16,64}",
      description = "Concurrent clients for raw puts and creates (default: ${DEFAULT-VALUE}).")
  List<Integer> clients;

  @Option(names = "--writes", defaultValue = "${sys:bench.writes:-20000}",
      description = "Measured puts, and creates, per client count (default: ${DEFAULT-VALUE}).")
  long writes;

  @Option(names = "--warmup", defaultValue = "${sys:bench.warmup:-1000}",
      description = "Least unmeasured calls before each write or GET run (default: ${DEFAULT-VALUE}).")
  long warmup;

  @Option(names = "--warmup-seconds", defaultValue = "${sys:bench.warmupSeconds:-45}",
      description = "After its calls, a warm-up goes on until the JIT settles, for at most this long"
          + " (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(names = "--value-bytes", defaultValue = "${sys:bench.valueBytes:-1024}",
      description = "Size of each etcd value and ConfigMap data value (default: ${DEFAULT-VALUE}).")
  int valueBytes;

  @Option(names = "--gets", defaultValue = "${sys:bench.gets:-5000}",
      description = "Measured GETs per client count (default: ${DEFAULT-VALUE}).")
  long gets;

  @Option(names = "--get-clients", split = ",", defaultValue = "${sys:bench.getClients:-1,16}",
      description = "Concurrent clients for GETs; the goal is judged on the first (default: ${DEFAULT-VALUE}).")
  List<Integer> getClients;

  @Option(names = "--roles", defaultValue = "${sys:bench.roles:-1000}",
      description = "Roles and role bindings in the cluster while authorization is measured (default: "
          + "${DEFAULT-VALUE}).")
  int roles;

  @Option(names = "--pods", defaultValue = "${sys:bench.pods:-10000}",
      description = "Pods created for the LIST (default: ${DEFAULT-VALUE}).")
  int pods;

  @Option(names = "--lists", defaultValue = "${sys:bench.lists:-5}",
      description = "Measured LISTs of each kind (default: ${DEFAULT-VALUE}).")
  int lists;

  @Option(names = "--page-size", defaultValue = "${sys:bench.pageSize:-500}",
      description = "limit= of the paged LIST (default: ${DEFAULT-VALUE}).")
  int pageSize;

  @Option(names = "--watchers", defaultValue = "${sys:bench.watchers:-100}",
      description = "Concurrent watches in the fan-out (default: ${DEFAULT-VALUE}).")
  int watchers;

  @Option(names = "--watch-events", defaultValue = "${sys:bench.watchEvents:-1000}",
      description = "ConfigMaps created while they watch (default: ${DEFAULT-VALUE}).")
  int watchEvents;

  /** Which HTTP client makes the calls. */
  enum ClientKind { socket, jdk }

  @Option(names = "--client", defaultValue = "${sys:bench.client:-socket}",
      description = "HTTP client: socket (blocking HTTP/1.1 on SSLSocket, cheapest) or jdk (java.net.http.HttpClient)"
          + " (default: ${DEFAULT-VALUE}).")
  ClientKind client;

  public static void main(String[] args) {
    quietLogs();
    System.exit(new CommandLine(new ApiServerBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (EtcdProcess.binary().isEmpty()) {
      System.err.println("etcd is not on PATH (install Debian's etcd-server)");
      return 1;
    }
    Report report = new Report();
    describeMachine(report);
    Runs runs = new Runs(report, Duration.ofSeconds(warmupSeconds));
    long started = System.nanoTime();

    RawEtcdPuts.Baselines raw = phases.contains("etcd")
        ? RawEtcdPuts.run(runs, clients, warmup, writes, valueBytes) : RawEtcdPuts.Baselines.NONE;
    Map<Integer, Measurement> creates = Map.of();
    Map<Integer, Measurement> getRuns = Map.of();
    Measurement list = null;
    Map<String, Measurement> auth = Map.of();
    Runs.progress("starting etcd and the apiserver");
    try (TestCluster cluster = TestCluster.start(Duration.ofMinutes(1), ApiServerConfig.DEFAULT_WATCH_CACHE_CAPACITY)) {
      ApiClient api = client(cluster);
      api.post("/api/v1/namespaces", Manifests.namespace(ApiCalls.NAMESPACE));
      api.post("/api/v1/namespaces", Manifests.namespace(PodList.NAMESPACE));
      ApiCalls calls = new ApiCalls(runs, api);
      if (phases.contains("create")) {
        creates = calls.creates(clients, warmup, writes, valueBytes);
      }
      if (phases.contains("get")) {
        getRuns = calls.gets(getClients, warmup, gets, valueBytes);
      }
      if (phases.contains("list")) {
        list = new PodList(runs, api).run(pods, 64, Math.min(1000, pods / 10), lists, pageSize);
      }
      if (phases.contains("auth")) {
        auth = new AuthCost(runs, api, this::client, cluster.pki()).run(roles, warmup, gets);
      }
      if (phases.contains("watch")) {
        new WatchFanOut(runs, api, client(cluster))
            .run(watchers, watchEvents, 16, valueBytes, Math.min(200, watchEvents));
      }
    }

    judge(report, raw, creates, getRuns, list);
    judgeAuth(report, auth);
    report.header("took", String.format(Locale.ROOT, "%.0f s; load average %.2f at the end",
        (System.nanoTime() - started) / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    System.out.print(report.render());
    return 0;
  }

  /** The goals against what was measured; a phase that did not run is "not run". */
  private void judge(Report report, RawEtcdPuts.Baselines raw, Map<Integer, Measurement> creates,
      Map<Integer, Measurement> getRuns, Measurement list) {
    for (int c : clients) {
      Measurement a = creates.get(c);
      double ratio = compare(report, "raw etcd puts", raw.puts().get(c), a, c);
      compare(report, "raw etcd create txns", raw.createTxns().get(c), a, c);
      report.goal(new Goal("creates/s as % of raw etcd puts/s, " + Runs.clients(c), ratio, Goal.Comparison.AT_LEAST,
          CREATE_RATIO_GOAL, "%"));
    }
    int getClient = getClients.isEmpty() ? 1 : getClients.get(0);
    Measurement get = getRuns.get(getClient);
    report.goal(new Goal("GET p99, " + Runs.clients(getClient), get == null ? Double.NaN : get.p99Millis(),
        Goal.Comparison.BELOW, GET_P99_GOAL_MS, "ms"));
    report.goal(new Goal(String.format(Locale.ROOT, "LIST %,d pods, median", pods),
        list == null ? Double.NaN : list.p50Millis(), Goal.Comparison.BELOW, LIST_GOAL_MS, "ms"));
  }

  /**
   * What authentication and RBAC add at p99: a GET allowed by one RoleBinding among {@code roles}
   * against GET /version without credentials. The GET's own work (a read from etcd) is counted in
   * too, so the figure overstates what authorization alone costs.
   */
  private void judgeAuth(Report report, Map<String, Measurement> auth) {
    Measurement base = auth.get("anonymous");
    for (String k : List.of("version", "get", "admin")) {
      Measurement m = auth.get(k);
      if (base != null && m != null) {
        report.note(String.format(Locale.ROOT, "%s vs %s: p50 %+.0f us, p99 %+.0f us (p99 ratio %.2f)", m.name(),
            base.name(), 1000 * (m.p50Millis() - base.p50Millis()), 1000 * (m.p99Millis() - base.p99Millis()),
            m.p99Millis() / base.p99Millis()));
      }
    }
    Measurement version = auth.get("version");
    double added = base == null || version == null ? Double.NaN : 1000 * (version.p99Millis() - base.p99Millis());
    report.goal(new Goal("authn + RBAC added at p99 (" + roles + " roles)", added, Goal.Comparison.BELOW,
        AUTH_ADDED_GOAL_US, "us"));
  }

  /** Notes the apiserver's creates against one raw etcd baseline; returns the ratio in percent. */
  private static double compare(Report report, String baseline, Measurement r, Measurement a, int c) {
    double ratio = r == null || a == null ? Double.NaN : 100 * a.perSecond() / r.perSecond();
    if (!Double.isNaN(ratio)) {
      report.note(String.format(Locale.ROOT, "creates vs %s, %s: %s/s vs %s/s = %s%% (p99 %s ms vs %s ms)",
          baseline, Runs.clients(c), Table.number(a.perSecond()), Table.number(r.perSecond()), Table.number(ratio),
          Table.number(a.p99Millis()), Table.number(r.p99Millis())));
    }
    return ratio;
  }

  private void describeMachine(Report report) {
    var os = ManagementFactory.getOperatingSystemMXBean();
    report.header("machine", String.format(Locale.ROOT, "%d cores, %s %s %s, load average %.2f at the start",
        Runtime.getRuntime().availableProcessors(), os.getName(), os.getVersion(), os.getArch(),
        os.getSystemLoadAverage()));
    report.header("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + " (" + System.getProperty("java.vm.vendor") + "), max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    report.header("etcd", etcdVersion() + ", one member, fresh data dir; raw puts and the apiserver each get their"
        + " own etcd process");
    report.header("sizes", String.format(Locale.ROOT, "%,d writes per client count; before each run %,d warm-up calls,"
        + " then more until the JIT settles (at most %d s);%n         %,d-byte values, %,d GETs, %,d pods,"
        + " %d watchers x %,d events", writes, warmup, warmupSeconds, valueBytes, gets, pods, watchers, watchEvents));
    String kind = client == ClientKind.socket ? "blocking HTTP/1.1 on SSLSocket" : "JDK HttpClient, HTTP/1.1";
    report.header("client", kind + ", keep-alive, TLS client certificate (system:masters);"
        + " one connection per concurrent client");
  }

  private static String etcdVersion() {
    try {
      Process p = new ProcessBuilder(EtcdProcess.binary().orElseThrow().toString(), "--version")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out.lines().findFirst().orElse("etcd (unknown version)").replace("etcd Version: ", "etcd ");
    } catch (IOException e) {
      return "etcd (version unknown: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "etcd (version unknown)";
    }
  }

  /** A client authenticated as the cluster admin ({@code O=system:masters}), as kubectl's admin kubeconfig. */
  private ApiClient client(TestCluster cluster) throws Exception {
    TestPki pki = cluster.pki();
    TestPki.Issued cert = pki.clientCertificate("kubernetes-admin", List.of("system:masters"));
    url = cluster.url();
    return client(Tls.mutual(cert.certPem(), cert.keyPem(), pki.caCert()));
  }

  private String url;

  /** A client of the chosen kind to the cluster of the last {@link #client(TestCluster)}. */
  private ApiClient client(SSLContext tls) {
    return switch (client) {
      case socket -> new SocketApiClient(url, tls);
      case jdk -> new JdkApiClient(url, tls);
    };
  }

  /** The apiserver logs each request at INFO; the report is the output here. */
  private static void quietLogs() {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    java.util.logging.ConsoleHandler console = new java.util.logging.ConsoleHandler();
    console.setLevel(Level.WARNING);
    root.addHandler(console);
    root.setLevel(Level.WARNING);
  }
}
