package io.kube4j.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.runtime.GoJson;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies the body of a PATCH request to the JSON form of the current object, as the
 * {@code patchMechanism}s of upstream's {@code handlers/patch.go} do before the result is decoded,
 * admitted, validated and stored. Stateless and thread-safe.
 */
public final class Patcher {

  /** The patch types {@link #apply} handles, in the order a 415 lists them. */
  public static final List<PatchType> SUPPORTED =
      List.of(PatchType.JSON_PATCH, PatchType.MERGE_PATCH, PatchType.STRATEGIC_MERGE_PATCH);

  /**
   * Applies patch bytes to the JSON form of the current object.
   *
   * @param modelType the Fabric8 model class of the object (e.g. {@code Pod.class}); strategic merge
   *     patches take the patch strategy of each field from it. {@code null} for objects without a model
   *     (custom resources), which accept no strategic merge patch.
   * @return a new tree; {@code original} is never mutated
   * @throws StatusException with Kubernetes' reason, code and message when the patch is bad
   */
  public JsonNode apply(PatchType type, JsonNode original, byte[] patch, Class<?> modelType) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(patch, "patch");
    return switch (type) {
      case JSON_PATCH -> JsonPatcher.applyJsonPatch(original, patch);
      case MERGE_PATCH -> JsonPatcher.applyMergePatch(original, patch);
      case STRATEGIC_MERGE_PATCH -> strategicMergePatch(original, patch, modelType);
      // Server-side apply needs managed fields; until then kubectl reports
      // "Server-side apply not available on the server" on this 415.
      case APPLY_PATCH -> throw unsupportedMediaType(SUPPORTED);
    };
  }

  /**
   * The 415 for a patch {@code Content-Type} a resource does not accept, listing those it does:
   * {@link #SUPPORTED} for built-in types; custom resources accept no strategic merge patch.
   */
  public static StatusException unsupportedMediaType(List<PatchType> accepted) {
    return PatchErrors.unsupportedMediaType(accepted);
  }

  /** {@code strategicPatchObject} + {@code applyPatchToObject}, without the decoding into a typed object. */
  private static JsonNode strategicMergePatch(JsonNode original, byte[] body, Class<?> modelType) {
    if (!original.isObject()) {
      throw new IllegalArgumentException("the current object must be a JSON object, got " + original.getNodeType());
    }
    JsonNode patch;
    try {
      patch = GoJson.parse(body);
    } catch (GoJson.SyntaxError e) {
      throw PatchErrors.badRequest(e.getMessage());
    }
    if (patch.isNull()) {
      return original.deepCopy(); // decodes to a nil map: nothing to merge
    }
    if (!patch.isObject()) {
      throw PatchErrors.badRequest(GoJson.cannotUnmarshal(patch, GoValues.MAP));
    }
    try {
      if (modelType == null) {
        throw StrategicMergePatchException.unsupportedStrategicMergePatchFormat();
      }
      ObjectNode merged = StrategicMergePatch.apply(((ObjectNode) original).deepCopy(), (ObjectNode) patch,
          PatchMetaFromStruct.of(modelType));
      stripDirectives(merged);
      return merged;
    } catch (StrategicMergePatchException e) {
      throw PatchErrors.fromStrategicMergePatch(e);
    }
  }

  /**
   * Directives left where upstream does not process them (inside a list that is replaced, say) are
   * unknown fields that upstream's decoding into the typed object drops; the model classes would
   * keep them, so they are dropped here.
   */
  private static void stripDirectives(JsonNode node) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : GoValues.fields(node)) {
        String key = field.getKey();
        if (key.equals(StrategicMergePatch.DIRECTIVE_MARKER) || key.equals(StrategicMergePatch.RETAIN_KEYS_DIRECTIVE)
            || key.startsWith(StrategicMergePatch.SET_ELEMENT_ORDER_PREFIX + "/")
            || key.startsWith(StrategicMergePatch.DELETE_FROM_PRIMITIVE_LIST_PREFIX + "/")) {
          ((ObjectNode) node).remove(key);
        } else {
          stripDirectives(field.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(Patcher::stripDirectives);
    }
  }
}
