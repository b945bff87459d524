package io.kube4j.apiserver.registry.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.kube4j.apiserver.api.FieldError;
import org.junit.jupiter.api.Test;

class EventStrategyTest {

  private final EventStrategy strategy = new EventStrategy();

  private static Event event() {
    return new EventBuilder().withNewMetadata().withName("p1.17a").withNamespace("default").endMetadata()
        .withNewInvolvedObject().withKind("Pod").withName("p1").withNamespace("default").withUid("u1").endInvolvedObject()
        .withReason("Scheduled").withType("Normal").withNewSource().withComponent("default-scheduler").endSource().build();
  }

  @Test
  void oldStyleEventNeedsMatchingNamespace() {
    Event e = event();
    e.getInvolvedObject().setNamespace("other");
    assertThat(strategy.validate(e)).extracting(FieldError::message)
        .containsExactly("involvedObject.namespace: Invalid value: \"other\": does not match event.namespace");
  }

  @Test
  void newStyleEventNeedsReportingFields() {
    Event e = event();
    e.setEventTime(new MicroTime("2024-05-01T10:00:00.000000Z"));
    e.setReportingComponent("default-scheduler");
    assertThat(strategy.validate(e)).extracting(FieldError::message)
        .containsExactly("reportingInstance: Required value", "action: Required value");
  }

  @Test
  void selectableFieldsUseInvolvedObjectAndSource() {
    assertThat(strategy.selectableFields(event())).containsEntry("involvedObject.name", "p1")
        .containsEntry("involvedObject.uid", "u1").containsEntry("reason", "Scheduled")
        .containsEntry("source", "default-scheduler").containsEntry("type", "Normal");
  }
}
