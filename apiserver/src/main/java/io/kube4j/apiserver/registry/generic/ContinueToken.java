package io.kube4j.apiserver.registry.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.api.StatusException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A LIST page's {@code continue} token: the etcd revision of the first page (so every page reads the
 * same snapshot) and the key to start from, relative to the resource prefix. The encoding is
 * upstream's ({@code storage.EncodeContinue}): base64url of {@code {"v":"meta.k8s.io/v1","rv":N,"start":"..."}}.
 */
public record ContinueToken(long revision, String startKey) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public String encode() {
    ObjectNode n = JSON.createObjectNode();
    n.put("v", "meta.k8s.io/v1");
    n.put("rv", revision);
    n.put("start", startKey);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(n.toString().getBytes(StandardCharsets.UTF_8));
  }

  public static ContinueToken decode(String token) {
    try {
      JsonNode n = JSON.readTree(Base64.getUrlDecoder().decode(token.replace("=", "")));
      if (!"meta.k8s.io/v1".equals(n.path("v").asText()) || n.path("rv").asLong() <= 0) {
        throw invalid();
      }
      String start = n.path("start").asText();
      if (start.contains("..") || start.startsWith("/")) {
        throw invalid();
      }
      return new ContinueToken(n.path("rv").asLong(), start);
    } catch (IOException | IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static StatusException invalid() {
    return StatusException.badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
  }
}
