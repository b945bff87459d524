package io.kube4j.apiserver.registry.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.kube4j.apiserver.api.FieldError;
import org.junit.jupiter.api.Test;

class EventStrategyTest {

  private final EventStrategy strategy = new EventStrategy();

  private static Event event() {
    return new EventBuilder().withNewMetadata().withName("e1").withNamespace("default").withResourceVersion("1")
        .endMetadata().withEventTime(new MicroTime("2024-05-01T10:00:00.000000Z"))
        .withNewRegarding().withKind("Pod").withName("p").withNamespace("default").endRegarding()
        .withReportingController("kubelet").withReportingInstance("node-1").withAction("Started")
        .withReason("Started").withType("Normal").build();
  }

  @Test
  void strictEventIsValidAndTypeIsChecked() {
    assertThat(strategy.validate(event())).isEmpty();
    Event bad = event();
    bad.setType("Info");
    assertThat(strategy.validate(bad)).extracting(FieldError::message)
        .containsExactly("type: Invalid value: \"\": has invalid value: Info");
  }

  @Test
  void noteIsImmutable() {
    Event old = event();
    Event update = new EventBuilder(old).withNote("changed").build();
    assertThat(strategy.validateUpdate(update, old)).extracting(FieldError::message)
        .containsExactly("message: Invalid value: \"changed\": field is immutable");
  }
}
