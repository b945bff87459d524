package io.kube4j.apiserver.endpoints.negotiation;

import io.kube4j.apiserver.api.StatusException;
import java.util.List;
import java.util.Locale;

/**
 * What the client wants back, from its {@code Accept} header: the first acceptable entry wins, as in
 * upstream's negotiation. kubectl's get sends
 * {@code application/json;as=Table;v=v1;g=meta.k8s.io,application/json}.
 */
public enum OutputFormat {
  JSON("application/json"),
  YAML("application/yaml"),
  TABLE("application/json;as=Table;v=v1;g=meta.k8s.io");

  private final String contentType;

  OutputFormat(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  /**
   * Picks the format for an Accept header (all its lines). Protobuf is not produced: a client that
   * accepts only protobuf gets 406; kubectl lists JSON after it.
   */
  public static OutputFormat negotiate(List<String> acceptHeaders) {
    boolean any = acceptHeaders.isEmpty();
    for (String header : acceptHeaders) {
      for (String entry : header.split(",")) {
        String e = entry.trim().toLowerCase(Locale.ROOT);
        if (e.isEmpty()) {
          any = true;
          continue;
        }
        String media = BodyDecoder.mediaType(e);
        if (media.equals("application/json") || media.equals("application/*") || media.equals("*/*")) {
          if (e.contains("as=table")) {
            if (e.contains("g=meta.k8s.io") && (e.contains("v=v1") || e.contains("v=v1beta1"))) {
              return TABLE;
            }
            continue;
          }
          if (e.contains("as=")) {
            continue; // PartialObjectMetadata and other conversions are not served
          }
          return JSON;
        }
        if (media.equals("application/yaml")) {
          return YAML;
        }
      }
    }
    if (any) {
      return JSON;
    }
    throw StatusException.notAcceptable("only the following media types are accepted: application/json, "
        + "application/yaml, application/json;as=Table;v=v1;g=meta.k8s.io");
  }
}
