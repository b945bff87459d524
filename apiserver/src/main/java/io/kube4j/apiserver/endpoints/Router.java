package io.kube4j.apiserver.endpoints;

import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.discovery.Discovery;
import io.kube4j.apiserver.endpoints.filters.WithAuthorization;
import io.kube4j.apiserver.endpoints.filters.WithImpersonation;
import io.kube4j.apiserver.metrics.ApiServerMetrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top of request handling once a caller is authenticated: the non-resource paths (version,
 * health, metrics, discovery, OpenAPI) and, under {@code /api} and {@code /apis}, the resources.
 * Every {@link StatusException} becomes a Status response here.
 */
public final class Router {

  private final Discovery discovery;
  private final ResourceRouter resources;
  private final OpenApiSource openapi;
  private final List<HealthCheck> readyChecks;
  private final byte[] version;
  private final ApiServerMetrics metrics;
  private final io.kube4j.apiserver.runtime.Codec codec;
  private final WithAuthorization authorization;
  private final WithImpersonation impersonation;
  private final Map<String, byte[]> documents = new java.util.concurrent.ConcurrentHashMap<>();

  public Router(Discovery discovery, ResourceRouter resources, OpenApiSource openapi, List<HealthCheck> readyChecks,
      byte[] version, ApiServerMetrics metrics, io.kube4j.apiserver.runtime.Codec codec,
      WithAuthorization authorization, WithImpersonation impersonation) {
    this.discovery = discovery;
    this.resources = resources;
    this.openapi = openapi;
    this.readyChecks = List.copyOf(readyChecks);
    this.version = version;
    this.metrics = metrics;
    this.codec = codec;
    this.authorization = authorization;
    this.impersonation = impersonation;
  }

  /** Paths anyone may read, as upstream's {@code system:public-info-viewer} role allows. */
  public static boolean isPublic(String path) {
    return path.equals("/version") || path.startsWith("/healthz") || path.startsWith("/livez")
        || path.startsWith("/readyz");
  }

  /**
   * Serves a fixed JSON document at a path outside the API, e.g. the service-account issuer's
   * {@code /.well-known/openid-configuration}; who may read it is up to the authorizers.
   */
  public void registerDocument(String path, byte[] json) {
    documents.put(path, json);
  }

  public void handle(ApiRequest req, Responder responder) {
    try {
      if (req.user().isEmpty() && !isPublic(req.path())) {
        throw StatusException.unauthorized();
      }
      if (req.user().isPresent()) {
        req = impersonation.apply(req, req.user().get());
        authorization.authorize(req, req.user().get());
      }
      dispatch(req, responder);
    } catch (StatusException e) {
      responder.respond(status(e));
    }
  }

  public Response status(StatusException e) {
    Response r = Response.json(e.code(), codec.encode(e.toStatus()));
    // as upstream's ErrorNegotiated: a 429 or 503 that knows when to come back says so in a header
    if (e.details() != null && e.details().getRetryAfterSeconds() != null && e.details().getRetryAfterSeconds() > 0) {
      return r.withHeaders(java.util.Map.of("Retry-After", String.valueOf(e.details().getRetryAfterSeconds())));
    }
    return r;
  }

  private void dispatch(ApiRequest req, Responder responder) {
    String path = req.path();
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    switch (path) {
      case "/version" -> responder.respond(Response.json(200, version));
      case "/healthz", "/livez" -> responder.respond(Response.text(200, "ok"));
      case "/readyz" -> responder.respond(ready(!req.param("verbose").isEmpty() || req.query().containsKey("verbose")));
      case "/metrics" -> responder.respond(new Response(200, "text/plain; version=0.0.4; charset=utf-8",
          metrics.render().getBytes(StandardCharsets.UTF_8), Map.of()));
      case "/api" -> responder.respond(discoveryRoot(req, true));
      case "/apis" -> responder.respond(discoveryRoot(req, false));
      case "/openapi/v3" -> responder.respond(Response.json(200, openapi.index()));
      case "/openapi/v2" -> throw notFound();
      default -> {
        byte[] doc = documents.get(path);
        if (doc != null) {
          responder.respond(Response.json(200, doc));
        } else {
          dispatchPrefixed(path, req, responder);
        }
      }
    }
  }

  private void dispatchPrefixed(String path, ApiRequest req, Responder responder) {
    if (path.startsWith("/openapi/v3/")) {
      responder.respond(openApiDocument(path.substring("/openapi/v3/".length()), req));
      return;
    }
    if (path.startsWith("/healthz/") || path.startsWith("/livez/") || path.startsWith("/readyz/")) {
      responder.respond(Response.text(200, "ok"));
      return;
    }
    if (!path.startsWith("/api/") && !path.startsWith("/apis/")) {
      throw notFound();
    }
    RequestInfo info = RequestInfo.parse(req.method(), path, "true".equals(req.param("watch"))
        || "1".equals(req.param("watch")));
    if (info.resource().isEmpty()) {
      if (!req.method().equals("GET")) {
        throw StatusException.methodNotAllowed("the server does not allow this method on the requested resource");
      }
      Optional<byte[]> doc = info.version().isEmpty()
          ? discovery.legacyGroup(info.group())
          : discovery.legacyResources(info.group(), info.version());
      responder.respond(Response.json(200, doc.orElseThrow(Router::notFound)));
      return;
    }
    resources.route(info, req, responder);
  }

  private Response discoveryRoot(ApiRequest req, boolean core) {
    String accept = String.join(",", req.headerValues("Accept"));
    for (String entry : accept.split(",")) {
      String e = entry.replace(" ", "");
      if (e.contains("as=APIGroupDiscoveryList") && e.contains("g=apidiscovery.k8s.io")) {
        if (e.contains("v=v2beta1")) {
          return new Response(200, Discovery.V2BETA1_CONTENT_TYPE, discovery.aggregated(core, "v2beta1"), Map.of());
        }
        if (e.contains("v=v2")) {
          return new Response(200, Discovery.V2_CONTENT_TYPE, discovery.aggregated(core, "v2"), Map.of());
        }
      }
    }
    return Response.json(200, core ? discovery.legacyCoreVersions() : discovery.legacyGroups());
  }

  /**
   * A group-version document. With the current {@code hash} it is immutable and cached for a year;
   * with a stale hash the client is redirected to the current one (kube-openapi's handler3).
   */
  private Response openApiDocument(String gvPath, ApiRequest req) {
    OpenApiSource.Document doc = openapi.document(gvPath).orElseThrow(Router::notFound);
    String hash = req.param("hash");
    if (!hash.isEmpty() && !hash.equals(doc.hash())) {
      return new Response(301, "text/plain", new byte[0],
          Map.of("Location", "/openapi/v3/" + gvPath + "?hash=" + doc.hash()));
    }
    String etag = "\"" + doc.hash() + "\"";
    if (etag.equals(req.header("If-None-Match"))) {
      return new Response(304, "application/json", new byte[0], Map.of("ETag", etag));
    }
    Map<String, String> headers = hash.isEmpty()
        ? Map.of("ETag", etag, "Vary", "Accept")
        : Map.of("ETag", etag, "Vary", "Accept", "Cache-Control", "public, immutable",
            "Expires", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusYears(1)));
    return new Response(200, "application/json", doc.json(), headers);
  }

  private Response ready(boolean verbose) {
    StringBuilder out = new StringBuilder();
    boolean ok = true;
    for (HealthCheck c : readyChecks) {
      try {
        c.check();
        out.append("[+]").append(c.name()).append(" ok\n");
      } catch (Exception e) {
        ok = false;
        out.append("[-]").append(c.name()).append(" failed: ").append(e.getMessage()).append('\n');
      }
    }
    if (ok) {
      return Response.text(200, verbose ? out + "readyz check passed\n" : "ok");
    }
    return Response.text(500, out + "readyz check failed\n");
  }

  private static StatusException notFound() {
    return StatusException.noRoute();
  }
}
