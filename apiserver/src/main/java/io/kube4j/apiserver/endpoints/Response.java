package io.kube4j.apiserver.endpoints;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A complete (non-streamed) response.
 *
 * @param status the HTTP status code
 * @param contentType the {@code Content-Type}
 * @param body the bytes
 * @param headers extra headers (e.g. {@code Warning}, {@code Cache-Control})
 */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

  public static final String JSON = "application/json";

  public static Response json(int status, byte[] body) {
    return new Response(status, JSON, body, Map.of());
  }

  public static Response text(int status, String body) {
    return new Response(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public Response withHeaders(Map<String, String> extra) {
    if (extra.isEmpty()) {
      return this;
    }
    java.util.Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.putAll(extra);
    return new Response(status, contentType, body, all);
  }
}
