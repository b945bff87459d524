package io.kube4j.apiserver.endpoints.handlers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.Response;
import io.kube4j.apiserver.endpoints.TableConvertor;
import io.kube4j.apiserver.printers.IncludeObject;
import io.kube4j.apiserver.endpoints.negotiation.OutputFormat;
import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.registry.generic.ObjectList;
import io.kube4j.apiserver.runtime.Codec;
import io.kube4j.apiserver.watch.CachedObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Encodes objects and lists in the format the client negotiated. Lists in JSON are written by
 * concatenating each object's cached bytes: no object is re-encoded, which is what keeps a LIST of
 * 10,000 pods cheap.
 */
final class Responses {

  private Responses() {}

  static Response object(RequestScope<?> scope, ApiRequest req, int status, CachedObject obj, List<String> warnings) {
    OutputFormat format = OutputFormat.negotiate(req.headerValues("Accept"));
    return switch (format) {
      case JSON -> Response.json(status, obj.json()).withHeaders(warningHeader(warnings));
      case YAML -> new Response(status, "application/yaml", scope.codec().encodeYaml(scope.codec().tree(obj.json())), Map.of()).withHeaders(warningHeader(warnings));
      case TABLE -> new Response(status, OutputFormat.TABLE.contentType(), scope.tables().table(scope.resource(),
          List.of(obj), new TableConvertor.ListMeta(Long.toString(obj.resourceVersion()), "", 0),
          IncludeObject.fromQueryParameter(req.param("includeObject")), true), warningHeader(warnings));
    };
  }

  static Response object(RequestScope<?> scope, ApiRequest req, int status, HasMetadata obj, List<String> warnings) {
    return object(scope, req, status, cached(scope, obj), warnings);
  }

  /** Wraps an object that did not come from the cache (a create's result) for encoding. */
  static CachedObject cached(RequestScope<?> scope, HasMetadata obj) {
    String rv = obj.getMetadata().getResourceVersion();
    long revision = rv == null || rv.isEmpty() ? 0 : Long.parseLong(rv);
    return new CachedObject("", revision, obj, scope.codec().encode(obj), Map.of(), Map.of());
  }

  static Response list(RequestScope<?> scope, ApiRequest req, ObjectList list) {
    ApiResource r = scope.resource();
    OutputFormat format = OutputFormat.negotiate(req.headerValues("Accept"));
    if (format == OutputFormat.TABLE) {
      return new Response(200, OutputFormat.TABLE.contentType(), scope.tables().table(r, list.items(),
          new TableConvertor.ListMeta(Long.toString(list.resourceVersion()), list.continueToken(),
              list.remainingItemCount()), IncludeObject.fromQueryParameter(req.param("includeObject")), true), Map.of());
    }
    byte[] json = listJson(scope.codec(), r, list);
    if (format == OutputFormat.YAML) {
      return new Response(200, "application/yaml", scope.codec().encodeYaml(scope.codec().tree(json)),
          Map.of());
    }
    return Response.json(200, json);
  }

  static byte[] listJson(Codec codec, ApiResource r, ObjectList list) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("resourceVersion", Long.toString(list.resourceVersion()));
    if (!list.continueToken().isEmpty()) {
      meta.put("continue", list.continueToken());
      if (list.remainingItemCount() > 0) {
        meta.put("remainingItemCount", list.remainingItemCount());
      }
    }
    int size = 128;
    for (CachedObject o : list.items()) {
      size += o.json().length + 1;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    out.writeBytes(("{\"kind\":\"" + r.listKind() + "\",\"apiVersion\":\"" + r.groupVersion()
        + "\",\"metadata\":").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(codec.encode(meta));
    out.writeBytes(",\"items\":[".getBytes(StandardCharsets.UTF_8));
    boolean first = true;
    for (CachedObject o : list.items()) {
      if (!first) {
        out.write(',');
      }
      first = false;
      out.writeBytes(o.json());
    }
    out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** {@code Warning: 299 - "unknown field \"x\""}, one value per warning joined as upstream does. */
  static Map<String, String> warningHeader(List<String> warnings) {
    if (warnings.isEmpty()) {
      return Map.of();
    }
    return Map.of("Warning", warnings.stream()
        .map(w -> "299 - \"" + w.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(", ")));
  }
}
