package io.kube4j.apiserver.api;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request failed the way Kubernetes reports failures: the HTTP layer turns this into a
 * {@code metav1.Status} body with {@link #code()}. Factory names and messages follow
 * {@code k8s.io/apimachinery/pkg/api/errors/errors.go} word for word, because kubectl prints them.
 */
public final class StatusException extends RuntimeException {

  private final Reason reason;
  private final int code;
  private final transient StatusDetails details;

  public StatusException(Reason reason, int code, String message, StatusDetails details) {
    super(message, null, false, false);
    this.reason = reason;
    this.code = code;
    this.details = details;
  }

  public StatusException(Reason reason, String message) {
    this(reason, reason.code(), message, null);
  }

  public Reason reason() {
    return reason;
  }

  public int code() {
    return code;
  }

  /** {@code details}, or {@code null} when the error is about no particular object. */
  public StatusDetails details() {
    return details;
  }

  /** The {@code Status} body sent to the client. */
  public Status toStatus() {
    return new StatusBuilder()
        .withStatus("Failure")
        .withMessage(getMessage())
        .withReason(reason.wire())
        .withDetails(details)
        .withCode(code)
        .withNewMetadata().endMetadata()
        .build();
  }

  /** Go's {@code omitempty} on {@code StatusDetails}: the legacy group's {@code ""} is left out. */
  private static StatusDetails details(GroupResource gr, String name) {
    StatusDetails d = new StatusDetails();
    // empty fields are omitted, as Go's omitempty does: a path's 403 has "details": {}
    d.setName(emptyToNull(name));
    d.setGroup(emptyToNull(gr.group()));
    d.setKind(emptyToNull(gr.resource()));
    return d;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /**
   * 404 for a path no route serves, as go-restful's service error handler answers it through
   * {@code NewGenericServerResponse}: details present but empty.
   */
  public static StatusException noRoute() {
    return new StatusException(Reason.NOT_FOUND, 404, "the server could not find the requested resource",
        new StatusDetails());
  }

  /** {@code pods "nope" not found}. */
  public static StatusException notFound(GroupResource gr, String name) {
    return new StatusException(Reason.NOT_FOUND, 404,
        gr + " \"" + name + "\" not found", details(gr, name));
  }

  /** {@code configmaps "a1" already exists}. */
  public static StatusException alreadyExists(GroupResource gr, String name) {
    return new StatusException(Reason.ALREADY_EXISTS, 409,
        gr + " \"" + name + "\" already exists", details(gr, name));
  }

  /** {@code Operation cannot be fulfilled on configmaps "a1": <why>}. */
  public static StatusException conflict(GroupResource gr, String name, String why) {
    return new StatusException(Reason.CONFLICT, 409,
        "Operation cannot be fulfilled on " + gr + " \"" + name + "\": " + why, details(gr, name));
  }

  /** The optimistic-concurrency failure: the client's resourceVersion is stale. */
  public static StatusException staleResourceVersion(GroupResource gr, String name) {
    return conflict(gr, name,
        "the object has been modified; please apply your changes to the latest version and try again");
  }

  /**
   * {@code ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: ...}; with several errors
   * the list is bracketed and comma separated, as {@code errors.NewInvalid} does.
   */
  public static StatusException invalid(GroupKind kind, String name, List<FieldError> errors) {
    StatusDetails d = new StatusDetails();
    d.setName(name);
    d.setGroup(emptyToNull(kind.group()));
    d.setKind(kind.kind());
    d.setCauses(errors.stream().map(e -> {
      StatusCause c = new StatusCause();
      c.setReason(e.type().reason());
      c.setMessage(e.body());
      c.setField(e.field());
      return c;
    }).collect(Collectors.toList()));
    String list = errors.size() == 1 ? errors.get(0).message()
        : "[" + errors.stream().map(FieldError::message).collect(Collectors.joining(", ")) + "]";
    return new StatusException(Reason.INVALID, 422,
        kind + " \"" + name + "\" is invalid: " + list, d);
  }

  /**
   * {@code pods "p" is forbidden: <why>}; with an empty name {@code pods is forbidden: <why>}; about
   * no resource at all (a path) {@code forbidden: <why>}.
   */
  public static StatusException forbidden(GroupResource gr, String name, String why) {
    if (gr.group().isEmpty() && gr.resource().isEmpty()) {
      return new StatusException(Reason.FORBIDDEN, 403, "forbidden: " + why, details(gr, name));
    }
    String what = name == null || name.isEmpty() ? gr.toString() : gr + " \"" + name + "\"";
    return new StatusException(Reason.FORBIDDEN, 403, what + " is forbidden: " + why, details(gr, name));
  }

  public static StatusException badRequest(String message) {
    return new StatusException(Reason.BAD_REQUEST, message);
  }

  public static StatusException unauthorized() {
    return new StatusException(Reason.UNAUTHORIZED, "Unauthorized");
  }

  /** {@code too old resource version: 5 (120)}: the watch window no longer holds that revision. */
  public static StatusException tooOldResourceVersion(long requested, long oldest) {
    return new StatusException(Reason.EXPIRED, 410,
        "too old resource version: " + requested + " (" + oldest + ")", null);
  }

  /** A continue token whose snapshot etcd compacted away. */
  public static StatusException expiredContinue() {
    return new StatusException(Reason.EXPIRED, 410,
        "The provided continue parameter is too old to display a consistent list result. "
            + "You can start a new list without the continue parameter, or use the continue token "
            + "in this response to retrieve the remainder of the results. Continuing with the "
            + "provided token results in an inconsistent list - objects that were created, "
            + "modified, or deleted between the time the first chunk was returned and now may "
            + "show up in the list.", null);
  }

  /** A method no route serves; like {@link #noRoute()}, with empty details. */
  public static StatusException methodNotAllowed(String message) {
    return new StatusException(Reason.METHOD_NOT_ALLOWED, 405, message, new StatusDetails());
  }

  public static StatusException notAcceptable(String message) {
    return new StatusException(Reason.NOT_ACCEPTABLE, message);
  }

  public static StatusException unsupportedMediaType(String contentType) {
    return new StatusException(Reason.UNSUPPORTED_MEDIA_TYPE,
        "the body of the request was in an unknown format - accepted media types include: "
            + "application/json, application/yaml, application/vnd.kubernetes.protobuf");
  }

  public static StatusException requestEntityTooLarge(long limit) {
    return new StatusException(Reason.REQUEST_ENTITY_TOO_LARGE,
        "Request entity too large: limit is " + limit);
  }

  public static StatusException tooManyRequests(String message) {
    return new StatusException(Reason.TOO_MANY_REQUESTS, message);
  }

  /**
   * A 429 that tells the client when to come back ({@code Retry-After}); client-go then retries by
   * itself, so use it only where upstream does (max-in-flight), not where the caller must decide.
   */
  public static StatusException tooManyRequests(String message, int retryAfterSeconds) {
    StatusDetails d = new StatusDetails();
    d.setRetryAfterSeconds(retryAfterSeconds);
    return new StatusException(Reason.TOO_MANY_REQUESTS, Reason.TOO_MANY_REQUESTS.code(), message, d);
  }

  public static StatusException internal(String message) {
    return new StatusException(Reason.INTERNAL_ERROR, 500,
        "Internal error occurred: " + message, null);
  }

  public static StatusException timeout(String message) {
    return new StatusException(Reason.TIMEOUT, message);
  }

  public static StatusException serviceUnavailable(String message) {
    return new StatusException(Reason.SERVICE_UNAVAILABLE, message);
  }
}
