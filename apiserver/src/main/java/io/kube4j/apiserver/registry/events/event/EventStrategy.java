package io.kube4j.apiserver.registry.events.event;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code eventStrategy} as served at {@code /apis/events.k8s.io/v1}. Field paths in errors use the
 * internal (core) names, as upstream's do: {@code involvedObject}, {@code message}, {@code source}.
 */
public final class EventStrategy implements Strategy<Event> {

  @Override
  public List<FieldError> validate(Event event) {
    ErrorList errs = legacy(event);
    errs.addAll(ObjectMetaValidation.validateCoreObjectMeta(event.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata")));
    errs.addAll(validateSeries(event));
    if (!hasEventTime(event)) {
      errs.required(Path.root("eventTime"), "");
    }
    String type = nz(event.getType());
    if (!type.equals("Normal") && !type.equals("Warning")) {
      errs.invalid(Path.root("type"), "", "has invalid value: " + type);
    }
    if (!nz(event.getDeprecatedFirstTimestamp()).isEmpty()) {
      errs.invalid(Path.root("firstTimestamp"), "", "needs to be unset");
    }
    if (!nz(event.getDeprecatedLastTimestamp()).isEmpty()) {
      errs.invalid(Path.root("lastTimestamp"), "", "needs to be unset");
    }
    if (event.getDeprecatedCount() != null && event.getDeprecatedCount() != 0) {
      errs.invalid(Path.root("count"), "", "needs to be unset");
    }
    if (event.getDeprecatedSource() != null && (!nz(event.getDeprecatedSource().getComponent()).isEmpty()
        || !nz(event.getDeprecatedSource().getHost()).isEmpty())) {
      errs.invalid(Path.root("source"), "", "needs to be unset");
    }
    return errs;
  }

  /** {@code ValidateEventUpdate}: everything but the series is immutable. */
  @Override
  public List<FieldError> validateUpdate(Event event, Event old) {
    ErrorList errs = legacy(event);
    errs.addAll(ObjectMetaValidation.validateCoreObjectMetaUpdate(event.getMetadata(), old.getMetadata(),
        Path.root("metadata")));
    if (!Objects.equals(event.getSeries(), old.getSeries())) {
      errs.addAll(validateSeries(event));
    }
    immutable(errs, event.getRegarding(), old.getRegarding(), "involvedObject");
    immutable(errs, event.getReason(), old.getReason(), "reason");
    immutable(errs, event.getNote(), old.getNote(), "message");
    immutable(errs, event.getDeprecatedSource(), old.getDeprecatedSource(), "source");
    immutable(errs, event.getDeprecatedFirstTimestamp(), old.getDeprecatedFirstTimestamp(), "firstTimestamp");
    immutable(errs, event.getDeprecatedLastTimestamp(), old.getDeprecatedLastTimestamp(), "lastTimestamp");
    immutable(errs, event.getDeprecatedCount(), old.getDeprecatedCount(), "count");
    immutable(errs, event.getReason(), old.getReason(), "reason");
    immutable(errs, event.getType(), old.getType(), "type");
    immutable(errs, event.getEventTime(), old.getEventTime(), "eventTime");
    immutable(errs, event.getAction(), old.getAction(), "action");
    immutable(errs, event.getRelated(), old.getRelated(), "related");
    immutable(errs, event.getReportingController(), old.getReportingController(), "reportingController");
    immutable(errs, event.getReportingInstance(), old.getReportingInstance(), "reportingInstance");
    return errs;
  }

  @Override
  public boolean allowCreateOnUpdate() {
    return true;
  }

  /** The events.k8s.io names of the selectable fields ({@code AddFieldLabelConversionsForEvent}). */
  @Override
  public Map<String, String> selectableFields(Event event) {
    ObjectReference o = event.getRegarding() == null ? new ObjectReference() : event.getRegarding();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("regarding.kind", nz(o.getKind()));
    fields.put("regarding.namespace", nz(o.getNamespace()));
    fields.put("regarding.name", nz(o.getName()));
    fields.put("regarding.uid", nz(o.getUid()));
    fields.put("regarding.apiVersion", nz(o.getApiVersion()));
    fields.put("regarding.resourceVersion", nz(o.getResourceVersion()));
    fields.put("regarding.fieldPath", nz(o.getFieldPath()));
    fields.put("reason", nz(event.getReason()));
    fields.put("reportingController", nz(event.getReportingController()));
    fields.put("type", nz(event.getType()));
    return fields;
  }

  private static ErrorList legacy(Event e) {
    ObjectReference regarding = e.getRegarding() == null ? new ObjectReference() : e.getRegarding();
    return io.kube4j.apiserver.registry.core.event.EventStrategy.legacyValidateEvent(
        e.getMetadata() == null ? "" : nz(e.getMetadata().getNamespace()), nz(regarding.getNamespace()),
        hasEventTime(e), nz(e.getReportingController()), "reportingController", nz(e.getReportingInstance()),
        nz(e.getAction()), nz(e.getReason()), nz(e.getNote()));
  }

  private static ErrorList validateSeries(Event e) {
    ErrorList errs = new ErrorList();
    if (e.getSeries() != null) {
      int count = e.getSeries().getCount() == null ? 0 : e.getSeries().getCount();
      if (count < 2) {
        errs.invalid(Path.root("series.count"), "", "should be at least 2");
      }
      if (e.getSeries().getLastObservedTime() == null || nz(e.getSeries().getLastObservedTime().getTime()).isEmpty()) {
        errs.required(Path.root("series.lastObservedTime"), "");
      }
    }
    return errs;
  }

  private static void immutable(ErrorList errs, Object value, Object old, String field) {
    errs.addAll(ObjectMetaValidation.validateImmutableField(value, old,
        value instanceof String || value == null ? (value == null ? "" : value) : new io.kube4j.apiserver.validation.GoSyntax(String.valueOf(value)),
        Path.root(field)));
  }

  private static boolean hasEventTime(Event e) {
    return e.getEventTime() != null && !nz(e.getEventTime().getTime()).isEmpty();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
