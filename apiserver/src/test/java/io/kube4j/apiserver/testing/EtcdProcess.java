package io.kube4j.apiserver.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real etcd server for one test class: started from the {@code etcd} binary on PATH with a fresh
 * data directory and free ports, stopped (and its data removed) on {@link #close()}. Tests that
 * need it call {@link #assumeAvailable()} first, so a machine without etcd reports them as skipped.
 */
public final class EtcdProcess implements AutoCloseable {

  private final Process process;
  private final Path dataDir;
  private final String clientUrl;

  private EtcdProcess(Process process, Path dataDir, String clientUrl) {
    this.process = process;
    this.dataDir = dataDir;
    this.clientUrl = clientUrl;
  }

  /** The etcd binary, or empty when it is not installed. */
  public static java.util.Optional<Path> binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path p = Path.of(dir, "etcd");
      if (Files.isExecutable(p)) {
        return java.util.Optional.of(p);
      }
    }
    return java.util.Optional.empty();
  }

  /** Skips the calling test when etcd is not installed (CI installs Debian's etcd-server). */
  public static void assumeAvailable() {
    org.junit.jupiter.api.Assumptions.assumeTrue(binary().isPresent(),
        "etcd is not on PATH (install Debian's etcd-server)");
  }

  public static EtcdProcess start() {
    try {
      Path dir = Files.createTempDirectory("kube4j-etcd");
      int client = freePort();
      int peer = freePort();
      String clientUrl = "http://127.0.0.1:" + client;
      String peerUrl = "http://127.0.0.1:" + peer;
      ProcessBuilder pb = new ProcessBuilder(binary().orElseThrow().toString(),
          "--name", "test", "--data-dir", dir.resolve("data").toString(),
          "--listen-client-urls", clientUrl, "--advertise-client-urls", clientUrl,
          "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
          "--initial-cluster", "test=" + peerUrl,
          "--log-level", "warn")
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("etcd.log").toFile());
      EtcdProcess etcd = new EtcdProcess(pb.start(), dir, clientUrl);
      etcd.awaitHealthy(Duration.ofSeconds(30));
      return etcd;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String clientUrl() {
    return clientUrl;
  }

  public List<String> endpoints() {
    return List.of(clientUrl);
  }

  private void awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    Conditions.await("etcd at " + clientUrl + " healthy", timeout, () -> {
      if (!process.isAlive()) {
        throw new IllegalStateException("etcd exited: " + log());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(clientUrl + "/health"))
            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 && r.body().contains("true");
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    });
  }

  private String log() {
    try {
      return Files.readString(dataDir.resolve("etcd.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temp directory left behind is harmless
    }
  }
}
