package io.kube4j.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.kube4j.launcher.cluster.Component.HealthCheck;
import io.kube4j.pki.ClusterPki;
import io.kube4j.pki.ClusterPkiOptions;
import io.kube4j.pki.cert.TlsContexts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthProbeTest {

  @TempDir static Path pkiDir;
  private static ClusterPki pki;

  private HttpServer server;
  private final AtomicReference<String> clientSeen = new AtomicReference<>("none");

  @BeforeAll
  static void createPki() throws Exception {
    pki = ClusterPki.ensure(pkiDir, ClusterPkiOptions.defaults());
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void reportsHealthyWhenTheBodyIsTheExpectedOne() throws Exception {
    int port = serveHttp(200, "{\"health\":\"true\"}");

    HealthProbe.Result result = new HealthProbe(Optional.empty()).probe(check("http", port, "\"health\":\"true\""));

    assertThat(result).isEqualTo(new HealthProbe.Result(true, "{\"health\":\"true\"}"));
  }

  @Test
  void reportsTheStatusAndBodyOfAFailingCheck() throws Exception {
    int port = serveHttp(500, "[-]etcd failed\nreadyz check failed");

    HealthProbe.Result result = new HealthProbe(Optional.empty()).probe(check("http", port, "ok"));

    assertThat(result).isEqualTo(new HealthProbe.Result(false, "HTTP 500: [-]etcd failed readyz check failed"));
  }

  @Test
  void reportsConnectionRefusedWhenNothingListens() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    assertThat(new HealthProbe(Optional.empty()).probe(check("http", port, "ok")))
        .isEqualTo(new HealthProbe.Result(false, "connection refused"));
  }

  @Test
  void probesHttpsWithTheClusterCaAndTheAdminCertificate() throws Exception {
    int port = serveHttps(pki);
    SSLContext admin = TlsContexts.client(List.of(pki.ca().certificate()), Optional.of(pki.read(ClusterPki.ADMIN)));

    HealthProbe.Result result = new HealthProbe(Optional.of(admin)).probe(check("https", port, "ok"));

    assertThat(result).isEqualTo(new HealthProbe.Result(true, "ok"));
    assertThat(clientSeen.get()).isEqualTo("CN=kubernetes-admin,O=system:masters");
  }

  @Test
  void refusesAServerWhoseCertificateTheClusterCaDidNotSign(@TempDir Path otherDir) throws Exception {
    int port = serveHttps(ClusterPki.ensure(otherDir, ClusterPkiOptions.defaults()));
    SSLContext admin = TlsContexts.client(List.of(pki.ca().certificate()), Optional.of(pki.read(ClusterPki.ADMIN)));

    HealthProbe.Result result = new HealthProbe(Optional.of(admin)).probe(check("https", port, "ok"));

    assertThat(result.healthy()).isFalse();
    assertThat(result.detail()).startsWith("TLS failure");
  }

  @Test
  void cannotProbeHttpsWithoutClusterCertificates() {
    HealthProbe.Result result = new HealthProbe(Optional.empty()).probe(check("https", 1, "ok"));

    assertThat(result.detail()).startsWith("no cluster certificates");
  }

  @Test
  void stopsWaitingAsSoonAsTheProcessHasExited() throws Exception {
    int port = serveHttp(503, "starting");

    HealthProbe.Result result = new HealthProbe(Optional.empty()).await(check("http", port, "ok"), Duration.ofMinutes(5), () -> false);

    assertThat(result).isEqualTo(new HealthProbe.Result(false, "the process exited (last probe: HTTP 503: starting)"));
  }

  @Test
  void givesUpAfterTheTimeout() throws Exception {
    int port = serveHttp(503, "starting");

    HealthProbe.Result result = new HealthProbe(Optional.empty()).await(check("http", port, "ok"), Duration.ZERO, () -> true);

    assertThat(result.detail()).startsWith("not ready after 0s");
  }

  private static HealthCheck check(String scheme, int port, String expected) {
    return new HealthCheck(URI.create(scheme + "://127.0.0.1:" + port + "/readyz"), expected);
  }

  private int serveHttp(int status, String body) throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return server.getAddress().getPort();
  }

  /** An HTTPS /readyz like the apiserver's: serving cert from {@code serverPki}, client certs wanted. */
  private int serveHttps(ClusterPki serverPki) throws Exception {
    SSLContext context = TlsContexts.server(serverPki.read(ClusterPki.API_SERVER), List.of(serverPki.ca().certificate()));
    HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(context) {
      @Override public void configure(HttpsParameters parameters) {
        SSLParameters ssl = context.getDefaultSSLParameters();
        ssl.setWantClientAuth(true);
        parameters.setSSLParameters(ssl);
      }
    });
    https.createContext("/", exchange -> {
      SSLSession session = ((com.sun.net.httpserver.HttpsExchange) exchange).getSSLSession();
      try {
        clientSeen.set(session.getPeerPrincipal().getName());
      } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
        clientSeen.set("anonymous");
      }
      byte[] bytes = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    https.start();
    server = https;
    return https.getAddress().getPort();
  }
}
