package io.kube4j.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;

/**
 * The JDK {@link HttpClient} forced to HTTP/1.1, with a client certificate as kubectl connects. It
 * keeps a pool of keep-alive connections and opens one per call in flight, so N concurrent callers
 * hold N connections, like N separate clients. Every call hops between the caller, the client's
 * selector thread and its executor, which costs CPU on a small machine: see {@link SocketApiClient}.
 */
final class JdkApiClient implements ApiClient {

  private final HttpClient http;
  private final String base;

  JdkApiClient(String baseUrl, SSLContext tls) {
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(tls)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    this.base = baseUrl;
  }

  @Override
  public byte[] post(String path, String json) throws IOException, InterruptedException {
    HttpRequest req = request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    return expectSuccess("POST", path, http.send(req, HttpResponse.BodyHandlers.ofByteArray()));
  }

  @Override
  public byte[] get(String path) throws IOException, InterruptedException {
    return expectSuccess("GET", path, http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray()));
  }

  @Override
  public CompletableFuture<Integer> stream(String path, Flow.Subscriber<String> lines) {
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
    return ApiClient.expectSuccess(method, path, r.statusCode(), r.body());
  }
}
