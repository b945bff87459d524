package io.kube4j.apiserver.api;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * One validation failure at a field path, worded as {@code k8s.io/apimachinery/pkg/util/validation/field}
 * words it, e.g. {@code metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain ...}.
 *
 * @param type what kind of failure
 * @param field the path, e.g. {@code spec.containers[0].image}
 * @param badValue the offending value, or {@code null} when the type prints none (Required, Forbidden, ...)
 * @param detail extra words after the value; may be empty
 */
public record FieldError(Type type, String field, Object badValue, String detail) {

  /** The failure kinds and the words and cause reasons Kubernetes uses for them. */
  public enum Type {
    NOT_FOUND("FieldValueNotFound", "Not found"),
    REQUIRED("FieldValueRequired", "Required value"),
    DUPLICATE("FieldValueDuplicate", "Duplicate value"),
    INVALID("FieldValueInvalid", "Invalid value"),
    NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
    FORBIDDEN("FieldValueForbidden", "Forbidden"),
    TOO_LONG("FieldValueTooLong", "Too long"),
    TOO_MANY("FieldValueTooMany", "Too many"),
    INTERNAL("InternalError", "Internal error"),
    TYPE_INVALID("FieldValueTypeInvalid", "Invalid value");

    private final String reason;
    private final String words;

    Type(String reason, String words) {
      this.reason = reason;
      this.words = words;
    }

    /** The {@code StatusCause.reason}, e.g. {@code FieldValueRequired}. */
    public String reason() {
      return reason;
    }

    public String words() {
      return words;
    }
  }

  public static FieldError required(String field, String detail) {
    return new FieldError(Type.REQUIRED, field, null, detail);
  }

  public static FieldError invalid(String field, Object value, String detail) {
    return new FieldError(Type.INVALID, field, value, detail);
  }

  public static FieldError forbidden(String field, String detail) {
    return new FieldError(Type.FORBIDDEN, field, null, detail);
  }

  public static FieldError duplicate(String field, Object value) {
    return new FieldError(Type.DUPLICATE, field, value, "");
  }

  public static FieldError notFound(String field, Object value) {
    return new FieldError(Type.NOT_FOUND, field, value, "");
  }

  public static FieldError tooLong(String field, Object value, int max) {
    return new FieldError(Type.TOO_LONG, field, value, "must have at most " + max + " bytes");
  }

  /** {@code Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"}. */
  public static FieldError notSupported(String field, Object value, Collection<String> valid) {
    String detail = valid.isEmpty() ? "" : "supported values: "
        + valid.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    return new FieldError(Type.NOT_SUPPORTED, field, value, detail);
  }

  /** The part after the field path: {@code Invalid value: "x": detail}, as {@code field.Error.ErrorBody}. */
  public String body() {
    StringBuilder s = new StringBuilder(type.words());
    boolean printsValue = switch (type) {
      case REQUIRED, FORBIDDEN, TOO_LONG, INTERNAL -> false;
      default -> true;
    };
    if (printsValue) {
      s.append(": ").append(quote(badValue));
    }
    if (detail != null && !detail.isEmpty()) {
      s.append(": ").append(detail);
    }
    return s.toString();
  }

  /** {@code spec.containers[0].image: Required value}. */
  public String message() {
    return field + ": " + body();
  }

  private static String quote(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String str) {
      return "\"" + str.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    if (value instanceof java.util.List<?> list && list.stream().allMatch(String.class::isInstance)) {
      // Go's %#v of a []string, as upstream prints a list it found invalid
      return list.stream().map(FieldError::quote).collect(java.util.stream.Collectors.joining(", ", "[]string{", "}"));
    }
    return String.valueOf(value);
  }
}
