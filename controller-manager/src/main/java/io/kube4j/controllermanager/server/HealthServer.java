package io.kube4j.controllermanager.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.kube4j.controllermanager.workqueue.QueueMetrics;
import io.kube4j.pki.ca.CertificateAuthority;
import io.kube4j.pki.cert.AltNames;
import io.kube4j.pki.cert.CertConfig;
import io.kube4j.pki.cert.KeyAlgorithm;
import io.kube4j.pki.cert.TlsContexts;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Serves {@code /healthz}, {@code /readyz} and {@code /metrics} over HTTPS. The serving certificate is
 * made in memory at start, signed by the cluster CA when the controller-manager holds it (so a client
 * trusting the cluster CA can verify it), else self-signed, as upstream does without {@code --tls-cert-file}.
 */
public final class HealthServer implements AutoCloseable {

  private final HttpsServer server;

  public HealthServer(String bindAddress, int port, Optional<CertificateAuthority> clusterCa, BooleanSupplier ready,
      Supplier<List<QueueMetrics.Snapshot>> queues, BooleanSupplier leader) throws IOException {
    CertificateAuthority ca = clusterCa.orElseGet(() -> CertificateAuthority.create("kube-controller-manager-ca",
        KeyAlgorithm.ECDSA_P256, java.time.Clock.systemUTC()));
    AltNames names = new AltNames(List.of("localhost"), List.of(InetAddress.getLoopbackAddress(),
        InetAddress.getByName(bindAddress)));
    var serving = ca.issue(CertConfig.server("kube-controller-manager", names), KeyAlgorithm.ECDSA_P256);
    server = HttpsServer.create(new InetSocketAddress(bindAddress, port), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.server(serving, List.of())));
    server.setExecutor(Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "controller-manager-health");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/healthz", ex -> respond(ex, 200, "ok"));
    server.createContext("/livez", ex -> respond(ex, 200, "ok"));
    server.createContext("/readyz", ex -> {
      boolean ok = ready.getAsBoolean();
      respond(ex, ok ? 200 : 503, ok ? "ok" : "informers not synced");
    });
    server.createContext("/metrics", ex -> respond(ex, 200, MetricsText.render(queues.get(), leader.getAsBoolean())));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
