package io.kube4j.apiserver.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.SortedMap;

/**
 * One OpenAPI operation (a method on a path), carrying the two Kubernetes extensions kubectl reads:
 * {@code x-kubernetes-action} and {@code x-kubernetes-group-version-kind}. kubectl decides whether a
 * kind supports {@code fieldValidation} from the query parameters of its PATCH operation.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder(alphabetic = true)
record Operation(
    String operationId,
    List<Parameter> parameters,
    RequestBody requestBody,
    SortedMap<String, Response> responses,
    List<String> tags,
    @JsonProperty("x-kubernetes-action") String action,
    @JsonProperty("x-kubernetes-group-version-kind") GroupVersionKind groupVersionKind) {

  Operation withParameters(List<Parameter> replacement) {
    return new Operation(operationId, replacement, requestBody, responses, tags, action,
        groupVersionKind);
  }

  /** A path or query parameter. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder(alphabetic = true)
  record Parameter(String name, String in, Boolean required, Schema schema) {

    static Parameter query(String name, String type) {
      return new Parameter(name, "query", null, Schema.type(type));
    }

    static Parameter path(String name) {
      return new Parameter(name, "path", true, Schema.type("string"));
    }
  }

  /** A request body: media type to schema. */
  record RequestBody(SortedMap<String, MediaType> content) {}

  /** A response: the status text and, per media type, the schema. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder(alphabetic = true)
  record Response(String description, SortedMap<String, MediaType> content) {}

  /** The schema of one media type. */
  record MediaType(Schema schema) {}
}
