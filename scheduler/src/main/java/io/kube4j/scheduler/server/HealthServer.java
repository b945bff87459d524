package io.kube4j.scheduler.server;

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
 * Serves health and metrics over HTTPS with the certificate of {@code --tls-cert-file}, or without it
 * a self-signed one made in memory at start, as kube-scheduler does. {@code /readyz} answers 200 once
 * the informer caches have synced.
 */
public final class HealthServer implements AutoCloseable {

  private final HttpsServer server;

  public HealthServer(String bindAddress, int port, Optional<CertAndKey> tls, BooleanSupplier ready,
      Supplier<String> metrics) throws IOException {
    CertAndKey serving = tls.isPresent() ? tls.get() : selfSigned(bindAddress);
    server = HttpsServer.create(new InetSocketAddress(bindAddress, port), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.server(serving, List.of())));
    server.setExecutor(Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "scheduler-health");
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

  private static CertAndKey selfSigned(String bindAddress) throws IOException {
    CertificateAuthority ca = CertificateAuthority.create("kube-scheduler-ca", KeyAlgorithm.ECDSA_P256,
        Clock.systemUTC());
    AltNames names = new AltNames(List.of("localhost"), List.of(InetAddress.getLoopbackAddress(),
        InetAddress.getByName(bindAddress)));
    return ca.issue(CertConfig.server("kube-scheduler", names), KeyAlgorithm.ECDSA_P256);
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
