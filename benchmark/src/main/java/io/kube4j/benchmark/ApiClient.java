package io.kube4j.benchmark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The benchmark's HTTPS client: the JDK {@link HttpClient} forced to HTTP/1.1 with a client
 * certificate, as kubectl connects. The JDK client keeps a pool of keep-alive connections and opens
 * one per call in flight, so N concurrent callers hold N connections, like N separate clients.
 */
final class ApiClient {

  private final HttpClient http;
  private final String base;

  ApiClient(String baseUrl, SSLContext tls) {
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(tls)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    this.base = baseUrl;
  }

  /** POSTs a JSON body; returns the response body, or throws when the status is not 2xx. */
  byte[] post(String path, String json) throws IOException, InterruptedException {
    HttpRequest req = request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    return expectSuccess("POST", path, http.send(req, HttpResponse.BodyHandlers.ofByteArray()));
  }

  /** GETs {@code path} and reads the whole body; throws when the status is not 2xx. */
  byte[] get(String path) throws IOException, InterruptedException {
    return expectSuccess("GET", path, http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray()));
  }

  /**
   * Opens a streaming GET (a watch) whose body lines go to {@code lines}. The future completes with
   * the status code as soon as the response headers arrive; the body keeps streaming after it.
   */
  CompletableFuture<Integer> stream(String path, Flow.Subscriber<String> lines) {
    CompletableFuture<Integer> headers = new CompletableFuture<>();
    http.sendAsync(request(path).timeout(Duration.ofDays(1)).GET().build(), info -> {
      headers.complete(info.statusCode());
      return HttpResponse.BodySubscribers.fromLineSubscriber(lines);
    }).whenComplete((r, e) -> {
      if (e != null) {
        headers.completeExceptionally(e);
      }
    });
    return headers;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(60));
  }

  private static byte[] expectSuccess(String method, String path, HttpResponse<byte[]> r) throws IOException {
    if (r.statusCode() / 100 != 2) {
      throw new IOException(method + " " + path + ": HTTP " + r.statusCode() + ": "
          + new String(r.body(), StandardCharsets.UTF_8));
    }
    return r.body();
  }

  /**
   * A TLS context presenting {@code certPem}/{@code keyPem} (PKCS#8, RSA) and trusting only the CA in
   * {@code caFile}.
   */
  static SSLContext mutualTls(String certPem, String keyPem, Path caFile) throws IOException, GeneralSecurityException {
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    Certificate cert = x509.generateCertificate(new ByteArrayInputStream(certPem.getBytes(StandardCharsets.US_ASCII)));
    Certificate ca = x509.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(caFile)));
    PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(keyPem)));

    char[] password = "bench".toCharArray();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("client", key, password, new Certificate[] {cert});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, password);

    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);

    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return tls;
  }

  /** The DER bytes between a PEM block's BEGIN and END lines. */
  static byte[] pemBody(String pem) {
    StringBuilder b64 = new StringBuilder();
    for (String line : pem.split("\r?\n")) {
      if (!line.startsWith("-----") && !line.isBlank()) {
        b64.append(line.trim());
      }
    }
    return Base64.getDecoder().decode(b64.toString());
  }
}
