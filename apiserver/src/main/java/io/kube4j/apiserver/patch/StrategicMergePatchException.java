package io.kube4j.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A strategic merge patch that cannot be applied, worded as {@code k8s.io/apimachinery/pkg/util/mergepatch}
 * words it. {@link Category} records how {@code interpretStrategicMergePatchError} in upstream's
 * {@code patch.go} answers each error: most format errors are 400, two are 422, and everything else
 * reaches the client as a 500 carrying the bare message.
 */
final class StrategicMergePatchException extends RuntimeException {

  enum Category { BAD_REQUEST, UNPROCESSABLE, OTHER }

  private final Category category;

  private StrategicMergePatchException(Category category, String message) {
    super(message, null, false, false);
    this.category = category;
  }

  Category category() {
    return category;
  }

  static StrategicMergePatchException badJsonDoc() {
    return new StrategicMergePatchException(Category.BAD_REQUEST, "invalid JSON document");
  }

  static StrategicMergePatchException noListOfLists() {
    return new StrategicMergePatchException(Category.UNPROCESSABLE, "lists of lists are not supported");
  }

  static StrategicMergePatchException badPatchFormatForPrimitiveList() {
    return new StrategicMergePatchException(Category.BAD_REQUEST, "invalid patch format of primitive list");
  }

  static StrategicMergePatchException badPatchFormatForRetainKeys() {
    return new StrategicMergePatchException(Category.BAD_REQUEST, "invalid patch format of retainKeys");
  }

  static StrategicMergePatchException badPatchFormatForSetElementOrderList() {
    return new StrategicMergePatchException(Category.BAD_REQUEST,
        "invalid patch format of setElementOrder list");
  }

  static StrategicMergePatchException unsupportedStrategicMergePatchFormat() {
    return new StrategicMergePatchException(Category.BAD_REQUEST,
        "strategic merge patch format is not supported");
  }

  /** {@code map: map[$patch:delete] does not contain declared merge key: name}. */
  static StrategicMergePatchException noMergeKey(JsonNode map, String mergeKey) {
    return other("map: " + GoValues.format(map) + " does not contain declared merge key: " + mergeKey);
  }

  /** {@code expected a map[string]interface {}, but received a string}. */
  static StrategicMergePatchException badArgType(String expectedGoType, JsonNode actual) {
    return other("expected a " + expectedGoType + ", but received a " + GoValues.typeName(actual));
  }

  /** {@code unknown patch type: retain in map: map[$patch:retain name:a]}. */
  static StrategicMergePatchException badPatchType(JsonNode directive, JsonNode map) {
    return other("unknown patch type: " + GoValues.formatS(directive) + " in map: " + GoValues.format(map));
  }

  static StrategicMergePatchException other(String message) {
    return new StrategicMergePatchException(Category.OTHER, message);
  }
}
