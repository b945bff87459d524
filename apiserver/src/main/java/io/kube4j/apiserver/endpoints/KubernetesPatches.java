package io.kube4j.apiserver.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.apiserver.patch.PatchType;
import io.kube4j.apiserver.patch.Patcher;

/** {@link PatchApplier} over {@link Patcher}: JSON patch, merge patch and strategic merge patch. */
public final class KubernetesPatches implements PatchApplier {

  private final Patcher patcher = new Patcher();

  @Override
  public JsonNode apply(String contentType, JsonNode current, byte[] patch, Class<?> modelType) {
    PatchType type = PatchType.fromContentType(contentType)
        .orElseThrow(() -> Patcher.unsupportedMediaType(Patcher.SUPPORTED));
    return patcher.apply(type, current, patch, modelType);
  }
}
