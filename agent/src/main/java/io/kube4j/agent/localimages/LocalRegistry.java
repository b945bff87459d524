package io.kube4j.agent.localimages;

import io.kube4j.agent.cri.containerd.Containerd;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry of our own (Debian's docker-registry, the CNCF distribution registry 2.8) on
 * 127.0.0.1, serving the local images under the names public registries use. containerd, with this
 * registry as its mirror for docker.io and registry.k8s.io, then really pulls {@code busybox} through
 * CRI PullImage, as it would from Docker Hub on a machine with internet access.
 */
public final class LocalRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalRegistry.class);
  private static final Path BINARY = Path.of("/usr/bin/docker-registry");

  /** Public registries this one stands in for, as mirror hosts in containerd's config. */
  public static final List<String> MIRRORED = List.of("docker.io", "registry.k8s.io");

  private final Process process;
  private final int port;

  private LocalRegistry(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static Optional<String> unavailableReason() {
    return Files.isExecutable(BINARY) ? Optional.empty()
        : Optional.of(BINARY + " is missing (apt-get install docker-registry)");
  }

  /** Starts a registry storing under {@code dir} on a free port of 127.0.0.1 and waits until /v2/ answers. */
  public static LocalRegistry start(Path dir, Duration timeout) throws IOException {
    Files.createDirectories(dir);
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path config = dir.resolve("config.yml");
    Files.writeString(config, """
        version: 0.1
        log:
          level: warn
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:%d
        """.formatted(dir.resolve("data"), port));
    Process process = new ProcessBuilder(BINARY.toString(), "serve", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("registry.log").toFile()))
        .start();
    LocalRegistry registry = new LocalRegistry(process, port);
    try {
      registry.awaitReady(timeout);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
    LOG.info("registry pid {} serving on {}", process.pid(), registry.endpoint());
    return registry;
  }

  private void awaitReady(Duration timeout) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ping = HttpRequest.newBuilder(URI.create(endpoint() + "/v2/")).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("docker-registry exited with code " + process.exitValue());
      }
      try {
        if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    throw new IOException("docker-registry did not answer " + endpoint() + "/v2/ within " + timeout);
  }

  /** {@code 127.0.0.1:<port>}: the registry host in image references. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  /** {@code http://127.0.0.1:<port>}: the mirror endpoint for containerd. */
  public String endpoint() {
    return "http://" + host();
  }

  /**
   * Pushes an image that containerd holds to {@code repository:tag} here (plain HTTP). CRI has no
   * push, so this goes through ctr, which reads containerd's content store.
   */
  public void push(Containerd containerd, String localImage, String repositoryAndTag) throws IOException {
    containerd.ctr("images", "push", "--plain-http", host() + "/" + repositoryAndTag, localImage);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
