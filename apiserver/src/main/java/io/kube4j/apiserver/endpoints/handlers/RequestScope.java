package io.kube4j.apiserver.endpoints.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.admission.AdmissionChain;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.PatchApplier;
import io.kube4j.apiserver.endpoints.Selectors;
import io.kube4j.apiserver.endpoints.TableConvertor;
import io.kube4j.apiserver.endpoints.negotiation.BodyDecoder;
import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.registry.generic.Store;
import io.kube4j.apiserver.runtime.Codec;
import io.kube4j.apiserver.runtime.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the handlers of one resource share ({@code handlers.RequestScope} upstream): its store,
 * the codecs, admission and the printers.
 */
public record RequestScope<T extends HasMetadata>(
    Store<T> store,
    Codec codec,
    BodyDecoder bodies,
    UnknownFields unknownFields,
    AdmissionChain admission,
    TableConvertor tables,
    Selectors selectors,
    PatchApplier patches,
    java.util.concurrent.ScheduledExecutorService timers) {

  public ApiResource resource() {
    return store.resource();
  }

  /** A decoded request object and the warnings its decoding produced (unknown fields with Warn). */
  public record Decoded<T>(T object, List<String> warnings) {}

  /**
   * Decodes a create or update body: checks {@code apiVersion}/{@code kind} against the endpoint,
   * then applies field validation ({@code Strict} → 400 on unknown fields, {@code Warn} (the
   * default) → warnings, {@code Ignore}).
   */
  public Decoded<T> decodeBody(ApiRequest req) {
    ApiResource r = resource();
    JsonNode tree = bodies.decode(req.header("Content-Type"), req.body(), r.groupVersion(), r.kind());
    return bind(tree, req.param("fieldValidation"));
  }

  /** Binds a JSON tree (a decoded body, or a patched object) to the resource's type. */
  public Decoded<T> bind(JsonNode tree, String fieldValidation) {
    ApiResource r = resource();
    if (!tree.isObject()) {
      throw StatusException.badRequest("the object provided is not a JSON object: " + abbreviate(tree.toString()));
    }
    ObjectNode obj = (ObjectNode) tree;
    String kind = obj.path("kind").asText("");
    String apiVersion = obj.path("apiVersion").asText("");
    if (!kind.isEmpty() && !kind.equals(r.kind())) {
      // upstream decodes the body as the kind it names, then fails to convert that to the internal
      // type of the endpoint's kind
      String version = apiVersion.isEmpty() ? r.version() : apiVersion.substring(apiVersion.indexOf('/') + 1);
      throw StatusException.badRequest(kind + " in version \"" + version + "\" cannot be handled as a "
          + r.kind() + ": converting (" + version + "." + kind + ") to (" + internalPackage(r.group()) + "."
          + r.kind() + "): unknown conversion");
    }
    if (!apiVersion.isEmpty() && !apiVersion.equals(r.groupVersion())) {
      throw StatusException.badRequest("the API version in the data (" + apiVersion
          + ") does not match the expected API version (" + r.groupVersion() + ")");
    }
    obj.put("kind", r.kind());
    obj.put("apiVersion", r.groupVersion());
    List<String> warnings = new ArrayList<>();
    String mode = fieldValidation.isEmpty() ? "Warn" : fieldValidation;
    if (!mode.equals("Ignore") && !mode.equals("Strict") && !mode.equals("Warn")) {
      throw StatusException.badRequest("fieldValidation parameter unsupported: " + fieldValidation
          + ". Supported values are: Ignore, Warn, Strict");
    }
    // unknown fields never reach storage, whatever the mode: Go's decoder has nowhere to put them
    List<String> unknown = unknownFields.strip(obj, store.type());
    if (!mode.equals("Ignore")) {
      if (!unknown.isEmpty() && mode.equals("Strict")) {
        StringBuilder m = new StringBuilder(r.kind() + " in version \"" + r.version() + "\" cannot be handled as a "
            + r.kind() + ": strict decoding error: ");
        for (int i = 0; i < unknown.size(); i++) {
          m.append(i == 0 ? "" : ", ").append("unknown field \"").append(unknown.get(i)).append('"');
        }
        throw StatusException.badRequest(m.toString());
      }
      unknown.forEach(u -> warnings.add("unknown field \"" + u + "\""));
    }
    return new Decoded<>(codec.bind(obj, store.type()), warnings);
  }

  /** The Go package of a group's internal types: {@code core} for the legacy group, else its first label. */
  private static String internalPackage(String group) {
    if (group.isEmpty() || group.equals("events.k8s.io")) {
      return "core";
    }
    int dot = group.indexOf('.');
    return dot < 0 ? group : group.substring(0, dot);
  }

  private static String abbreviate(String s) {
    return s.length() > 100 ? s.substring(0, 100) + "..." : s;
  }

  public static boolean dryRun(ApiRequest req) {
    List<String> values = req.params("dryRun");
    for (String v : values) {
      if (!v.equals("All")) {
        throw StatusException.badRequest("dryRun: Unsupported value: \"" + v + "\": supported values: \"All\"");
      }
    }
    return !values.isEmpty();
  }
}
