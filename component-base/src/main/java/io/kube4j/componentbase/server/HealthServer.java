package io.kube4j.componentbase.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.kube4j.pki.ca.CertificateAuthority;
import io.kube4j.pki.cert.AltNames;
import io.kube4j.pki.cert.CertAndKey;
import io.kube4j.pki.cert.CertConfig;
import io.kube4j.pki.cert.KeyAlgorithm;
import io.kube4j.pki.cert.TlsContexts;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Serves {@code /healthz}, {@code /livez}, {@code /readyz} and {@code /metrics} over HTTPS.
 * {@code /readyz} answers 200 once the component says it is ready (its informer caches synced).
 */
public final class HealthServer implements AutoCloseable {

  private final HttpsServer server;

  /**
   * @param component names the serving thread, e.g. {@code kube-scheduler}
   * @param metrics the Prometheus text exposition, rendered per request
   */
  public HealthServer(String component, String bindAddress, int port, CertAndKey serving, BooleanSupplier ready,
      Supplier<String> metrics) throws IOException {
    server = HttpsServer.create(new InetSocketAddress(bindAddress, port), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.server(serving, List.of())));
    server.setExecutor(Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, component + "-health");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/healthz", ex -> respond(ex, 200, "ok"));
    server.createContext("/livez", ex -> respond(ex, 200, "ok"));
    server.createContext("/readyz", ex -> {
      boolean ok = ready.getAsBoolean();
      respond(ex, ok ? 200 : 503, ok ? "ok" : "informers not synced");
    });
    server.createContext("/metrics", ex -> respond(ex, 200, metrics.get()));
    server.start();
  }

  /**
   * A serving certificate made in memory for {@code localhost}, the loopback address and the bind
   * address: signed by the cluster CA when the component holds it (so a client trusting the cluster
   * CA can verify it), else self-signed, as upstream components do without {@code --tls-cert-file}.
   */
  public static CertAndKey servingCertificate(String component, String bindAddress, Optional<CertificateAuthority> ca)
      throws IOException {
    CertificateAuthority signer = ca.orElseGet(() -> CertificateAuthority.create(component + "-ca",
        KeyAlgorithm.ECDSA_P256, Clock.systemUTC()));
    AltNames names = new AltNames(List.of("localhost"), List.of(InetAddress.getLoopbackAddress(),
        InetAddress.getByName(bindAddress)));
    return signer.issue(CertConfig.server(component, names), KeyAlgorithm.ECDSA_P256);
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
