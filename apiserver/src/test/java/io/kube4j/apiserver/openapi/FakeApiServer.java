package io.kube4j.apiserver.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kube4j.apiserver.registry.ApiResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of an apiserver for kubectl to reach OpenAPI: {@code /version}, aggregated discovery
 * ({@code /api}, {@code /apis}), {@code /openapi/v3}, plus canned objects by path. Every other request
 * is recorded and answered 404 (GET) or by echoing the body (writes), so a test can see what kubectl
 * decided to send. Plain HTTP on 127.0.0.1: kubectl sends no credentials there.
 */
final class FakeApiServer implements AutoCloseable {

  /** One request kubectl made. */
  record Request(String method, String uri, String contentType, String body) {}

  private static final String DISCOVERY_TYPE =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final List<ApiResource> resources;
  private final OpenApiV3 openApi;
  private final Map<String, String> objects = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeApiServer(List<ApiResource> resources, OpenApiV3 openApi) throws IOException {
    this.resources = resources;
    this.openApi = openApi;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Serves {@code body} (JSON) on GET {@code path}. */
  void putObject(String path, String body) {
    objects.put(path, body);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (method.equals("GET") && path.equals("/version")) {
        reply(exchange, 200, "application/json", json.writeValueAsBytes(Map.of("major", "1",
            "minor", "32", "gitVersion", "v1.32.0-kube4j", "platform", "linux/amd64")));
      } else if (method.equals("GET") && (path.equals("/api") || path.equals("/apis"))) {
        reply(exchange, 200, DISCOVERY_TYPE, discovery(path.equals("/api")));
      } else if (method.equals("GET") && path.equals("/openapi/v3")) {
        reply(exchange, 200, "application/json", openApi.index());
      } else if (method.equals("GET") && path.startsWith("/openapi/v3/")) {
        var doc = openApi.document(path.substring("/openapi/v3/".length()));
        if (doc.isPresent()) {
          reply(exchange, 200, "application/json", doc.get().json());
        } else {
          reply(exchange, 404, "application/json", notFound());
        }
      } else {
        requests.add(new Request(method, exchange.getRequestURI().toString(),
            exchange.getRequestHeaders().getFirst("Content-Type"), body));
        String stored = objects.get(path);
        if (method.equals("GET")) {
          if (stored == null) {
            reply(exchange, 404, "application/json", notFound());
          } else {
            reply(exchange, 200, "application/json", stored.getBytes(StandardCharsets.UTF_8));
          }
        } else {
          byte[] answer = (stored != null ? stored : body).getBytes(StandardCharsets.UTF_8);
          reply(exchange, method.equals("POST") ? 201 : 200, "application/json", answer);
        }
      }
    }
  }

  private byte[] discovery(boolean core) throws IOException {
    Map<String, Map<String, List<Map<String, Object>>>> byGroup = new LinkedHashMap<>();
    for (ApiResource r : resources) {
      if (r.group().isEmpty() != core) continue;
      List<Map<String, Object>> subresources = new ArrayList<>();
      for (ApiResource.Subresource s : r.subresources()) {
        subresources.add(Map.of("subresource", s.name(),
            "responseKind", kind(s.kind().isEmpty() ? r.group() : s.group(),
                s.version().isEmpty() ? r.version() : s.version(),
                s.kind().isEmpty() ? r.kind() : s.kind()),
            "verbs", s.verbs().stream().map(ApiResource.Verb::wire).sorted().toList()));
      }
      Map<String, Object> resource = new LinkedHashMap<>();
      resource.put("resource", r.resource());
      resource.put("singularResource", r.singular());
      resource.put("scope", r.namespaced() ? "Namespaced" : "Cluster");
      resource.put("responseKind", kind(r.group(), r.version(), r.kind()));
      resource.put("verbs", r.verbs().stream().map(ApiResource.Verb::wire).sorted().toList());
      resource.put("shortNames", r.shortNames());
      resource.put("categories", r.categories());
      resource.put("subresources", subresources);
      byGroup.computeIfAbsent(r.group(), g -> new LinkedHashMap<>())
          .computeIfAbsent(r.version(), v -> new ArrayList<>()).add(resource);
    }
    List<Object> items = new ArrayList<>();
    byGroup.forEach((group, versions) -> {
      List<Object> vs = new ArrayList<>();
      versions.forEach((version, rs) ->
          vs.add(Map.of("version", version, "freshness", "Current", "resources", rs)));
      items.add(Map.of("metadata", Map.of("name", group), "versions", vs));
    });
    return json.writeValueAsBytes(Map.of("kind", "APIGroupDiscoveryList",
        "apiVersion", "apidiscovery.k8s.io/v2", "metadata", Map.of(), "items", items));
  }

  private static Map<String, String> kind(String group, String version, String kind) {
    return Map.of("group", group, "version", version, "kind", kind);
  }

  private byte[] notFound() {
    try {
      return json.writeValueAsBytes(Map.of("kind", "Status", "apiVersion", "v1", "metadata", Map.of(),
          "status", "Failure", "message", "the server could not find the requested resource",
          "reason", "NotFound", "code", 404));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void reply(HttpExchange exchange, int code, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }
}
