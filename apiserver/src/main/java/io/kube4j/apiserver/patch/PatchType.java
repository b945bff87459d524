package io.kube4j.apiserver.patch;

import java.util.Optional;

/** The patch formats a PATCH request names in its {@code Content-Type} ({@code types.PatchType}). */
public enum PatchType {
  JSON_PATCH("application/json-patch+json"),
  MERGE_PATCH("application/merge-patch+json"),
  STRATEGIC_MERGE_PATCH("application/strategic-merge-patch+json"),
  /** Server-side apply; the body is the applied configuration as YAML (or JSON, which is YAML). */
  APPLY_PATCH("application/apply-patch+yaml");

  private final String contentType;

  PatchType(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  /**
   * The patch type of a {@code Content-Type} header. As upstream's {@code PatchResource}, parameters
   * after the first {@code ;} (such as {@code charset=utf-8}) are ignored and the rest must match exactly.
   */
  public static Optional<PatchType> fromContentType(String contentTypeHeader) {
    if (contentTypeHeader == null) {
      return Optional.empty();
    }
    int semicolon = contentTypeHeader.indexOf(';');
    String mediaType = (semicolon > 0 ? contentTypeHeader.substring(0, semicolon) : contentTypeHeader).trim();
    for (PatchType type : values()) {
      if (type.contentType.equals(mediaType)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
