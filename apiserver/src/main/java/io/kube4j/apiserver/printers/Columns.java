package io.kube4j.apiserver.printers;

/**
 * Column definitions shared by many printers. The descriptions of {@code Name} and {@code Age} are
 * {@code metav1.ObjectMeta{}.SwaggerDoc()["name"]} and {@code ["creationTimestamp"]}, as upstream uses.
 */
final class Columns {

  static final String STRING = "string";
  static final String INTEGER = "integer";
  static final String BOOLEAN = "boolean";
  static final String DATE = "date";

  static final String NAME_DESCRIPTION = "Name must be unique within a namespace. Is required when creating"
      + " resources, although some resources may allow a client to request the generation of an appropriate"
      + " name automatically. Name is primarily intended for creation idempotence and configuration"
      + " definition. Cannot be updated. More info:"
      + " https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

  static final String CREATION_TIMESTAMP_DESCRIPTION = "CreationTimestamp is a timestamp representing the"
      + " server time when this object was created. It is not guaranteed to be set in happens-before order"
      + " across separate operations. Clients may not set this value. It is represented in RFC3339 form and"
      + " is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info:"
      + " https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

  static final String CONTAINERS_DESCRIPTION = "Names of each container in the template.";
  static final String IMAGES_DESCRIPTION = "Images referenced by each container in the template.";

  private Columns() {}

  /** {@code {Name: "Name", Type: "string", Format: "name"}}: the column kubectl prefixes with {@code kind/}. */
  static TableColumnDefinition name() {
    return new TableColumnDefinition("Name", STRING, "name", NAME_DESCRIPTION, 0);
  }

  static TableColumnDefinition age() {
    return new TableColumnDefinition("Age", STRING, "", CREATION_TIMESTAMP_DESCRIPTION, 0);
  }

  static TableColumnDefinition string(String name, String description) {
    return new TableColumnDefinition(name, STRING, "", description, 0);
  }

  static TableColumnDefinition integer(String name, String description) {
    return new TableColumnDefinition(name, INTEGER, "", description, 0);
  }

  static TableColumnDefinition bool(String name, String description) {
    return new TableColumnDefinition(name, BOOLEAN, "", description, 0);
  }

  /** A priority-1 column: shown by kubectl only with {@code -o wide}. */
  static TableColumnDefinition wide(String name, String description) {
    return new TableColumnDefinition(name, STRING, "", description, 1);
  }

  static TableColumnDefinition wideContainers() {
    return wide("Containers", CONTAINERS_DESCRIPTION);
  }

  static TableColumnDefinition wideImages() {
    return wide("Images", IMAGES_DESCRIPTION);
  }
}
