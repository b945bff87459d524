package io.kube4j.apiserver.endpoints;

import com.fasterxml.jackson.databind.JsonNode;

/** Applies a PATCH body of a given {@code Content-Type} to the JSON of the current object. */
@FunctionalInterface
public interface PatchApplier {

  /** Throws {@code StatusException} for a malformed patch or an unsupported patch type (415). */
  JsonNode apply(String contentType, JsonNode current, byte[] patch, Class<?> modelType);
}
