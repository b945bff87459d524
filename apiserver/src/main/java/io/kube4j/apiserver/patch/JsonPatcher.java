package io.kube4j.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.fge.jsonpatch.JsonPatch;
import com.github.fge.jsonpatch.JsonPatchException;
import com.github.fge.jsonpatch.mergepatch.JsonMergePatch;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.runtime.GoJson;
import java.io.IOException;

/**
 * JSON patch (RFC 6902) and JSON merge patch (RFC 7386), both applied by the java-json-tools library
 * (its merge patch drops nulls from added values as RFC 7386 and upstream's evanphx/json-patch do).
 * The errors follow upstream's {@code jsonPatcher.applyJSPatch} with the default field validation
 * ({@code Warn}), which first decodes the body strictly: undecodable bodies are 400
 * {@code error decoding patch: ...}, operations that fail to apply are a bare 422.
 */
final class JsonPatcher {

  /** {@code maxJSONPatchOperations}: bounds the work one request can cause. */
  static final int MAX_JSON_PATCH_OPERATIONS = 10000;

  private static final String DECODING = "error decoding patch: ";

  private JsonPatcher() {}

  static JsonNode applyJsonPatch(JsonNode original, byte[] body) {
    JsonNode ops = parse(body);
    if (ops.isNull()) {
      return original.deepCopy(); // a null patch decodes to no operations
    }
    if (!ops.isArray()) {
      throw PatchErrors.badRequest(DECODING + GoJson.cannotUnmarshal(ops, "[]handlers.jsonPatchOp"));
    }
    for (JsonNode op : ops) {
      if (!op.isObject() && !op.isNull()) {
        throw PatchErrors.badRequest(DECODING + GoJson.cannotUnmarshal(op, "handlers.jsonPatchOp"));
      }
      for (String member : new String[] {"op", "path", "from"}) {
        JsonNode value = op.get(member);
        if (value != null && !value.isTextual() && !value.isNull()) {
          throw PatchErrors.badRequest(DECODING
              + GoJson.cannotUnmarshalField(value, "jsonPatchOp." + member, "string"));
        }
      }
    }
    if (ops.size() > MAX_JSON_PATCH_OPERATIONS) {
      throw PatchErrors.requestEntityTooLarge("The allowed maximum operations in a JSON patch is "
          + MAX_JSON_PATCH_OPERATIONS + ", got " + ops.size());
    }
    JsonNode patched;
    try {
      // Upstream decodes any array of objects and fails unknown or incomplete operations on apply.
      patched = JsonPatch.fromJson(ops).apply(original.deepCopy());
    } catch (IOException | JsonPatchException | RuntimeException e) {
      throw PatchErrors.unprocessable();
    }
    return requireObject(patched);
  }

  static JsonNode applyMergePatch(JsonNode original, byte[] body) {
    JsonNode patch = parse(body);
    if (patch.isNull()) {
      throw PatchErrors.badRequest("Invalid JSON Patch");
    }
    if (!patch.isObject()) {
      throw PatchErrors.badRequest(DECODING + GoJson.cannotUnmarshal(patch, GoValues.MAP));
    }
    try {
      return JsonMergePatch.fromJson(patch).apply(original.deepCopy());
    } catch (JsonPatchException e) {
      throw PatchErrors.unknown(e.getMessage());
    }
  }

  private static JsonNode parse(byte[] body) {
    try {
      return GoJson.parse(body);
    } catch (GoJson.SyntaxError e) {
      throw PatchErrors.badRequest(DECODING + e.getMessage());
    }
  }

  /** A patch may replace the whole document; what is not an object cannot become one. */
  private static JsonNode requireObject(JsonNode patched) {
    if (patched.isObject()) {
      return patched;
    }
    throw undecodable(patched);
  }

  static StatusException undecodable(JsonNode patched) {
    return PatchErrors.undecodable(patched.toString(), "couldn't get version/kind; json parse error: "
        + GoJson.cannotUnmarshal(patched, "struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; "
        + "Kind string \"json:\\\"kind,omitempty\\\"\" }"));
  }
}
