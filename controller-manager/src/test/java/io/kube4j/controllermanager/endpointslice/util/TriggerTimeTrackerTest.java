package io.kube4j.controllermanager.endpointslice.util;

import static io.kube4j.controllermanager.testing.Pods.pod;
import static io.kube4j.controllermanager.testing.Services.service;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerTimeTrackerTest {

  final TriggerTimeTracker tracker = new TriggerTimeTracker();
  final io.fabric8.kubernetes.api.model.Service svc = service("web").build();

  @Test
  void theFirstSyncOfAServiceIsTriggeredByItsCreation() {
    var p = pod("a").ip("10.0.0.1").ready().readySince("2026-01-01T00:05:00Z").build();
    assertThat(tracker.compute(svc, List.of(p))).contains(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void laterSyncsAreTriggeredByTheEarliestReadinessChangeSinceTheLastOne() {
    var a = pod("a").ip("10.0.0.1").ready().readySince("2026-01-01T00:05:00Z").build();
    var b = pod("b").ip("10.0.0.2").ready().readySince("2026-01-01T00:06:00Z").build();
    tracker.compute(svc, List.of(a, b));

    var a2 = pod("a").ip("10.0.0.1").notReady().readySince("2026-01-01T00:09:00Z").build();
    var b2 = pod("b").ip("10.0.0.2").notReady().readySince("2026-01-01T00:08:00Z").build();
    assertThat(tracker.compute(svc, List.of(a2, b2))).contains(Instant.parse("2026-01-01T00:08:00Z"));
    // nothing changed since: no trigger time
    assertThat(tracker.compute(svc, List.of(a2, b2))).isEmpty();
  }

  @Test
  void aDeletedServiceStartsAfresh() {
    tracker.compute(svc, List.of());
    tracker.deleteService("default", "web");
    assertThat(tracker.compute(svc, List.of())).contains(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void formatsAsGoRfc3339Nano() {
    assertThat(TriggerTimeTracker.format(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(TriggerTimeTracker.format(Instant.parse("2026-01-01T00:00:00.120Z")))
        .isEqualTo("2026-01-01T00:00:00.12Z");
  }
}
