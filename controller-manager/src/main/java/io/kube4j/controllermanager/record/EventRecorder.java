package io.kube4j.controllermanager.record;

import io.fabric8.kubernetes.api.model.ObjectReference;

/** Records an Event about an object ({@code record.EventRecorder}); never blocks the caller on the API. */
@FunctionalInterface
public interface EventRecorder {

  String TYPE_NORMAL = "Normal";
  String TYPE_WARNING = "Warning";

  /**
   * @param type {@link #TYPE_NORMAL} or {@link #TYPE_WARNING}
   * @param reason a CamelCase code, e.g. {@code OwnerRefInvalidNamespace}
   */
  void event(ObjectReference involvedObject, String type, String reason, String message);
}
