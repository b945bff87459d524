package io.kube4j.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.options.GetOption;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.apiserver.testing.TestPki;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Raw HTTPS to a {@link TestCluster}: bodies, headers and client certificates exactly as a test
 * writes them (JDK client, HTTP/1.1, trusting only the test CA), plus direct reads of etcd, so a
 * test can prove what a rejected request left behind.
 */
final class RawApi implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  private final TestCluster cluster;
  private final SSLContext ssl;
  private final HttpClient http;
  private final Client etcd;

  private RawApi(TestCluster cluster, SSLContext ssl) {
    this.cluster = cluster;
    this.ssl = ssl;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ssl)
        .connectTimeout(Duration.ofSeconds(10)).build();
    this.etcd = Client.builder().endpoints(cluster.etcd().endpoints().toArray(String[]::new)).build();
  }

  /** As the cluster admin ({@code O=system:masters}). */
  static RawApi admin(TestCluster cluster) {
    return as(cluster, Optional.of(cluster.pki().clientCertificate("kubernetes-admin", List.of("system:masters"))));
  }

  /** With the given client certificate, or with none. */
  static RawApi as(TestCluster cluster, Optional<TestPki.Issued> cert) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", certificate(Files.readString(cluster.pki().caCert())));
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      KeyManagerFactory kmf = null;
      if (cert.isPresent()) {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("client", privateKey(cert.get().keyPem()), new char[0],
            new Certificate[] {certificate(cert.get().certPem())});
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
      }
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return new RawApi(cluster, ssl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Certificate certificate(String pem) throws GeneralSecurityException {
    return CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  /** A response, its body read whole. */
  record Reply(int code, HttpHeaders headers, String body) {
    String header(String name) {
      return headers.firstValue(name).orElse("");
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + code + "): " + body, e);
      }
    }
  }

  Reply send(String method, String path, String contentType, byte[] body) {
    return send(method, path, contentType, body, Map.of());
  }

  /** With extra request headers, e.g. {@code Authorization} or {@code Impersonate-User}. */
  Reply send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cluster.url() + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends only the head of a POST that announces {@code contentLength} bytes and waits, as curl does
   * for large bodies, on {@code Expect: 100-continue}; returns the server's first answer. Over a raw
   * TLS socket, because the JDK client hangs when that answer is not 100 and has a body.
   */
  Reply announce(String path, long contentLength) {
    URI url = URI.create(cluster.url());
    try (SSLSocket socket = (SSLSocket) ssl.getSocketFactory()
        .createSocket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(30_000);
      String head = "POST " + path + " HTTP/1.1\r\nHost: " + url.getAuthority() + "\r\nContent-Type: application/json"
          + "\r\nContent-Length: " + contentLength + "\r\nExpect: 100-continue\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      int code = Integer.parseInt(line(in).split(" ")[1]);
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String h = line(in); !h.isEmpty(); h = line(in)) {
        int colon = h.indexOf(':');
        headers.computeIfAbsent(h.substring(0, colon).trim(), k -> new ArrayList<>()).add(h.substring(colon + 1).trim());
      }
      byte[] body = new byte[Integer.parseInt(headers.getOrDefault("Content-Length", List.of("0")).get(0))];
      in.readFully(body);
      return new Reply(code, HttpHeaders.of(headers, (k, v) -> true),
          new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String line(DataInputStream in) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed after: " + s);
      }
      if (c != '\r') {
        s.append((char) c);
      }
    }
    return s.toString();
  }

  Reply send(String method, String path, String contentType, String body) {
    return send(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  Reply get(String path) {
    return send("GET", path, null, (byte[]) null);
  }

  /** Creates an object from JSON and returns it as stored; fails the test unless the answer is 201. */
  JsonNode create(String collectionPath, String json) {
    Reply r = send("POST", collectionPath, "application/json", json);
    assertThat(r.code()).as("create %s: %s", collectionPath, r.body()).isEqualTo(201);
    return r.json();
  }

  /**
   * Asserts that a reply is a failure {@code Status} with the given code, reason and message, sent as
   * {@code application/json}; returns its JSON for further checks.
   */
  static JsonNode assertStatus(Reply r, int code, String reason, String message) {
    assertThat(r.code()).as("HTTP status of %s", r.body()).isEqualTo(code);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    JsonNode s = r.json();
    assertThat(s.path("kind").asText()).isEqualTo("Status");
    assertThat(s.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(s.path("status").asText()).isEqualTo("Failure");
    assertThat(s.path("reason").asText()).isEqualTo(reason);
    assertThat(s.path("code").asInt()).isEqualTo(code);
    assertThat(s.path("message").asText()).isEqualTo(message);
    return s;
  }

  /** The {@code details.causes[].field} of a Status, in order. */
  static List<String> causeFields(JsonNode status) {
    List<String> out = new ArrayList<>();
    status.path("details").path("causes").forEach(c -> out.add(c.path("field").asText()));
    return out;
  }

  /** The mod revision of an etcd key, or empty when etcd holds no such key. */
  Optional<Long> modRevision(String key) {
    return etcdGet(key).map(KeyValue::getModRevision);
  }

  /** The stored value of an etcd key (JSON in kube4j), or empty. */
  Optional<JsonNode> stored(String key) {
    return etcdGet(key).map(kv -> {
      try {
        return JSON.readTree(kv.getValue().getBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** How many keys etcd holds under a prefix. */
  long count(String prefix) {
    return etcdGet(prefix, GetOption.builder().isPrefix(true).withCountOnly(true).build()).getCount();
  }

  private Optional<KeyValue> etcdGet(String key) {
    return etcdGet(key, GetOption.DEFAULT).getKvs().stream().findFirst();
  }

  /** The one place an etcd future is unwrapped. */
  private GetResponse etcdGet(String key, GetOption option) {
    try {
      return etcd.getKVClient().get(ByteSequence.from(key, StandardCharsets.UTF_8), option).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("etcd get " + key, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    etcd.close();
  }
}
