package io.kube4j.apiserver.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * An OpenAPI 3.0 schema object, restricted to what Kubernetes documents use. Absent parts are null
 * and are not written.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder(alphabetic = true)
record Schema(
    @JsonProperty("$ref") String ref,
    List<Schema> allOf,
    List<Schema> oneOf,
    String type,
    String format,
    SortedMap<String, Schema> properties,
    Schema additionalProperties,
    Schema items,
    List<String> required,
    String description,
    @JsonProperty("x-kubernetes-group-version-kind") List<GroupVersionKind> groupVersionKinds,
    @JsonProperty("x-kubernetes-patch-merge-key") String patchMergeKey,
    @JsonProperty("x-kubernetes-patch-strategy") String patchStrategy) {

  static final String REF_PREFIX = "#/components/schemas/";

  /** {@code {"$ref": "#/components/schemas/<name>"}}, as operations use it. */
  static Schema ref(String name) {
    return new Schema(REF_PREFIX + name, null, null, null, null, null, null, null, null, null, null,
        null, null);
  }

  /**
   * {@code {"allOf": [{"$ref": ...}]}}: how upstream refers to a named schema from a field, so that
   * the field's own description and extensions can sit next to the reference.
   */
  static Schema allOfRef(String name) {
    return new Schema(null, List.of(ref(name)), null, null, null, null, null, null, null, null, null,
        null, null);
  }

  static Schema type(String type) {
    return type(type, null);
  }

  static Schema type(String type, String format) {
    return new Schema(null, null, null, type, format, null, null, null, null, null, null, null, null);
  }

  static Schema oneOf(String format, Schema... alternatives) {
    return new Schema(null, null, List.of(alternatives), null, format, null, null, null, null, null,
        null, null, null);
  }

  static Schema array(Schema items) {
    return new Schema(null, null, null, "array", null, null, null, items, null, null, null, null, null);
  }

  static Schema map(Schema values) {
    return new Schema(null, null, null, "object", null, null, values, null, null, null, null, null,
        null);
  }

  static Schema object(SortedMap<String, Schema> properties, List<String> required) {
    return new Schema(null, null, null, "object", null, properties, null, null, required, null, null,
        null, null);
  }

  Schema withPatch(String strategy, String mergeKey) {
    return new Schema(ref, allOf, oneOf, type, format, properties, additionalProperties, items,
        required, description, groupVersionKinds, mergeKey, strategy);
  }

  Schema withGroupVersionKinds(List<GroupVersionKind> gvks) {
    return new Schema(ref, allOf, oneOf, type, format, properties, additionalProperties, items,
        required, description, gvks, patchMergeKey, patchStrategy);
  }

  /** Adds to {@code into} the names of the component schemas this schema refers to, at any depth. */
  void collectRefs(Set<String> into) {
    if (ref != null) {
      into.add(ref.substring(REF_PREFIX.length()));
    }
    Consumer<Schema> child = s -> s.collectRefs(into);
    if (allOf != null) allOf.forEach(child);
    if (oneOf != null) oneOf.forEach(child);
    if (properties != null) properties.values().forEach(child);
    if (additionalProperties != null) child.accept(additionalProperties);
    if (items != null) child.accept(items);
  }
}
