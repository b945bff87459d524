package io.kube4j.apiserver.printers;

import io.kube4j.apiserver.api.StatusException;

/**
 * The {@code includeObject} query parameter of a Table request ({@code metav1.IncludeObjectPolicy}):
 * what each row's {@code object} carries. kubectl relies on the default, {@link #METADATA}, to add the
 * NAMESPACE, LABELS and {@code -L} columns client-side, and asks for {@link #OBJECT} with
 * {@code --sort-by}.
 */
public enum IncludeObject {
  /** {@code None}: {@code "object": null}. */
  NONE("None"),
  /** {@code Metadata} (the default): a {@code PartialObjectMetadata} holding the full {@code metadata}. */
  METADATA("Metadata"),
  /** {@code Object}: the whole object. */
  OBJECT("Object");

  private final String wire;

  IncludeObject(String wire) {
    this.wire = wire;
  }

  /** The value as written in the query string. */
  public String wire() {
    return wire;
  }

  /**
   * Parses the query parameter; absent or empty means {@link #METADATA}. Values are case-sensitive,
   * and an unknown one is a 400 worded as {@code handlers/response.go asTable}.
   */
  public static IncludeObject fromQueryParameter(String value) {
    if (value == null || value.isEmpty()) {
      return METADATA;
    }
    for (IncludeObject policy : values()) {
      if (policy.wire.equals(value)) {
        return policy;
      }
    }
    throw StatusException.badRequest("unrecognized includeObject value: \"" + value + "\"");
  }
}
