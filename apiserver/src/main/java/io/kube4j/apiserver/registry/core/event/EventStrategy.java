package io.kube4j.apiserver.registry.core.event;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.LabelValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code eventStrategy} as served at {@code /api/v1}: only {@code legacyValidateEvent}, for backwards
 * compatibility (upstream validates neither metadata nor immutability of v1 events).
 */
public final class EventStrategy implements Strategy<Event> {

  static final int REPORTING_INSTANCE_LENGTH_LIMIT = 128;
  static final int ACTION_LENGTH_LIMIT = 128;
  static final int REASON_LENGTH_LIMIT = 128;
  static final int NOTE_LENGTH_LIMIT = 1024;

  @Override
  public List<FieldError> validate(Event event) {
    return legacyValidateEvent(event);
  }

  @Override
  public List<FieldError> validateUpdate(Event event, Event old) {
    return legacyValidateEvent(event);
  }

  @Override
  public boolean allowCreateOnUpdate() {
    return true;
  }

  /** {@code legacyValidateEvent} with the v1 field name {@code reportingComponent}. */
  static ErrorList legacyValidateEvent(Event event) {
    ObjectReference involved = event.getInvolvedObject() == null ? new ObjectReference() : event.getInvolvedObject();
    boolean hasEventTime = event.getEventTime() != null && !nz(event.getEventTime().getTime()).isEmpty();
    return legacyValidateEvent(event.getMetadata() == null ? "" : nz(event.getMetadata().getNamespace()),
        nz(involved.getNamespace()), hasEventTime, nz(event.getReportingComponent()), "reportingComponent",
        nz(event.getReportingInstance()), nz(event.getAction()), nz(event.getReason()), nz(event.getMessage()));
  }

  /**
   * {@code legacyValidateEvent} on the fields of either Event type; {@code controllerField} is
   * {@code reportingComponent} for core/v1 and {@code reportingController} for events.k8s.io.
   */
  public static ErrorList legacyValidateEvent(String namespace, String involvedNamespace, boolean hasEventTime,
      String controller, String controllerField, String instance, String action, String reason, String note) {
    ErrorList errs = new ErrorList();
    Path involvedNs = Path.root("involvedObject", "namespace");
    if (!hasEventTime) {
      if (involvedNamespace.isEmpty()) {
        if (!namespace.isEmpty() && !namespace.equals("default")) {
          errs.invalid(involvedNs, involvedNamespace, "does not match event.namespace");
        }
      } else if (!namespace.equals(involvedNamespace)) {
        errs.invalid(involvedNs, involvedNamespace, "does not match event.namespace");
      }
    } else {
      if (involvedNamespace.isEmpty() && !namespace.equals("default") && !namespace.equals("kube-system")) {
        errs.invalid(involvedNs, involvedNamespace, "does not match event.namespace");
      }
      if (controller.isEmpty()) {
        errs.required(Path.root(controllerField), "");
      }
      errs.addAll(LabelValidation.validateLabelName(controller, Path.root(controllerField)));
      errs.addAll(lengths(instance, action, reason, note));
    }
    errs.invalidEach(Path.root("namespace"), namespace, Validation.isDNS1123Subdomain(namespace));
    return errs;
  }

  /** The required, length-limited fields of a new-style event. */
  public static ErrorList lengths(String instance, String action, String reason, String note) {
    ErrorList errs = new ErrorList();
    if (instance.isEmpty()) {
      errs.required(Path.root("reportingInstance"), "");
    }
    if (Validation.len(instance) > REPORTING_INSTANCE_LENGTH_LIMIT) {
      errs.invalid(Path.root("reportingInstance"), "", "can have at most 128 characters");
    }
    if (action.isEmpty()) {
      errs.required(Path.root("action"), "");
    }
    if (Validation.len(action) > ACTION_LENGTH_LIMIT) {
      errs.invalid(Path.root("action"), "", "can have at most 128 characters");
    }
    if (reason.isEmpty()) {
      errs.required(Path.root("reason"), "");
    }
    if (Validation.len(reason) > REASON_LENGTH_LIMIT) {
      errs.invalid(Path.root("reason"), "", "can have at most 128 characters");
    }
    if (Validation.len(note) > NOTE_LENGTH_LIMIT) {
      errs.invalid(Path.root("message"), "", "can have at most 1024 characters");
    }
    return errs;
  }

  /** {@code ToSelectableFields}: the involved object's coordinates, reason, reporter, source and type. */
  @Override
  public Map<String, String> selectableFields(Event event) {
    ObjectReference o = event.getInvolvedObject() == null ? new ObjectReference() : event.getInvolvedObject();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("involvedObject.kind", nz(o.getKind()));
    fields.put("involvedObject.namespace", nz(o.getNamespace()));
    fields.put("involvedObject.name", nz(o.getName()));
    fields.put("involvedObject.uid", nz(o.getUid()));
    fields.put("involvedObject.apiVersion", nz(o.getApiVersion()));
    fields.put("involvedObject.resourceVersion", nz(o.getResourceVersion()));
    fields.put("involvedObject.fieldPath", nz(o.getFieldPath()));
    fields.put("reason", nz(event.getReason()));
    fields.put("reportingComponent", nz(event.getReportingComponent()));
    String source = event.getSource() == null ? "" : nz(event.getSource().getComponent());
    fields.put("source", source.isEmpty() ? nz(event.getReportingComponent()) : source);
    fields.put("type", nz(event.getType()));
    return fields;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
