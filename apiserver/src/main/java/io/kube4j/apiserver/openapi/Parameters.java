package io.kube4j.apiserver.openapi;

import io.kube4j.apiserver.openapi.Operation.Parameter;
import java.util.List;

/**
 * The query parameters of each kind of operation, as upstream declares them
 * ({@code apimachinery/pkg/apis/meta/v1} ListOptions, CreateOptions, PatchOptions, DeleteOptions, and
 * the pod subresource options).
 */
final class Parameters {

  static final Parameter PRETTY = Parameter.query("pretty", "string");
  static final Parameter NAME = Parameter.path("name");
  static final Parameter NAMESPACE = Parameter.path("namespace");
  static final Parameter PROXY_PATH = Parameter.path("path");

  private static final Parameter DRY_RUN = Parameter.query("dryRun", "string");
  private static final Parameter FIELD_MANAGER = Parameter.query("fieldManager", "string");
  private static final Parameter FIELD_VALIDATION = Parameter.query("fieldValidation", "string");

  /** POST and PUT: CreateOptions / UpdateOptions. */
  static final List<Parameter> WRITE = List.of(DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION);

  /** PATCH: PatchOptions; {@code force} is for server-side apply. */
  static final List<Parameter> PATCH = List.of(DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION,
      Parameter.query("force", "boolean"));

  /** GET on a collection and every watch: ListOptions. */
  static final List<Parameter> LIST = List.of(
      Parameter.query("allowWatchBookmarks", "boolean"),
      Parameter.query("continue", "string"),
      Parameter.query("fieldSelector", "string"),
      Parameter.query("labelSelector", "string"),
      Parameter.query("limit", "integer"),
      Parameter.query("resourceVersion", "string"),
      Parameter.query("resourceVersionMatch", "string"),
      Parameter.query("sendInitialEvents", "boolean"),
      Parameter.query("timeoutSeconds", "integer"),
      Parameter.query("watch", "boolean"));

  /** DELETE on one object: DeleteOptions as query parameters. */
  static final List<Parameter> DELETE = List.of(
      DRY_RUN,
      Parameter.query("gracePeriodSeconds", "integer"),
      Parameter.query("ignoreStoreReadErrorWithClusterBreakingPotential", "boolean"),
      Parameter.query("orphanDependents", "boolean"),
      Parameter.query("propagationPolicy", "string"));

  /** DELETE on a collection: DeleteOptions plus the ListOptions that select the victims. */
  static final List<Parameter> DELETE_COLLECTION = List.of(
      Parameter.query("continue", "string"),
      DRY_RUN,
      Parameter.query("fieldSelector", "string"),
      Parameter.query("gracePeriodSeconds", "integer"),
      Parameter.query("ignoreStoreReadErrorWithClusterBreakingPotential", "boolean"),
      Parameter.query("labelSelector", "string"),
      Parameter.query("limit", "integer"),
      Parameter.query("orphanDependents", "boolean"),
      Parameter.query("propagationPolicy", "string"),
      Parameter.query("resourceVersion", "string"),
      Parameter.query("resourceVersionMatch", "string"),
      Parameter.query("sendInitialEvents", "boolean"),
      Parameter.query("timeoutSeconds", "integer"));

  /** {@code pods/log}: PodLogOptions. */
  static final List<Parameter> LOG = List.of(
      Parameter.query("container", "string"),
      Parameter.query("follow", "boolean"),
      Parameter.query("insecureSkipTLSVerifyBackend", "boolean"),
      Parameter.query("limitBytes", "integer"),
      Parameter.query("previous", "boolean"),
      Parameter.query("sinceSeconds", "integer"),
      Parameter.query("stream", "string"),
      Parameter.query("tailLines", "integer"),
      Parameter.query("timestamps", "boolean"));

  /** Connect subresources: PodExecOptions, PodAttachOptions, PodPortForwardOptions, *ProxyOptions. */
  static List<Parameter> connect(String subresource) {
    List<Parameter> streams = List.of(
        Parameter.query("container", "string"),
        Parameter.query("stderr", "boolean"),
        Parameter.query("stdin", "boolean"),
        Parameter.query("stdout", "boolean"),
        Parameter.query("tty", "boolean"));
    return switch (subresource) {
      case "exec" -> concat(List.of(Parameter.query("command", "string")), streams);
      case "attach" -> streams;
      case "portforward" -> List.of(Parameter.query("ports", "integer"));
      case "proxy" -> List.of(Parameter.query("path", "string"));
      default -> List.of();
    };
  }

  private static List<Parameter> concat(List<Parameter> a, List<Parameter> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private Parameters() {}
}
