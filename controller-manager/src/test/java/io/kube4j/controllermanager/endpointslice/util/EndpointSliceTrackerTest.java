package io.kube4j.controllermanager.endpointslice.util;

import static io.kube4j.controllermanager.testing.Services.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointSliceTrackerTest {

  final EndpointSliceTracker tracker = new EndpointSliceTracker();
  final Service svc = service("web").build();

  static EndpointSlice slice(String uid, long generation) {
    return new EndpointSliceBuilder().withNewMetadata().withName("web-" + uid).withNamespace("default").withUid(uid)
        .withGeneration(generation).addToLabels(WellKnown.LABEL_SERVICE_NAME, "web").endMetadata()
        .withAddressType("IPv4").build();
  }

  @Test
  void aCacheShowingAnOlderGenerationThanWrittenIsStale() {
    tracker.update(slice("a", 2));
    assertThat(tracker.staleSlices(svc, List.of(slice("a", 1)))).isTrue();
    assertThat(tracker.staleSlices(svc, List.of(slice("a", 2)))).isFalse();
  }

  @Test
  void aCacheMissingAWrittenSliceIsStale() {
    tracker.update(slice("a", 1));
    assertThat(tracker.staleSlices(svc, List.of())).isTrue();
  }

  @Test
  void aCacheStillShowingADeletedSliceIsStaleUntilTheDeletionArrives() {
    tracker.update(slice("a", 1));
    tracker.expectDeletion(slice("a", 1));
    assertThat(tracker.staleSlices(svc, List.of(slice("a", 1)))).isTrue();
    assertThat(tracker.handleDeletion(slice("a", 1))).isTrue();
    assertThat(tracker.staleSlices(svc, List.of())).isFalse();
  }

  @Test
  void aDeletionByAnotherNeedsASync() {
    tracker.update(slice("a", 1));
    assertThat(tracker.handleDeletion(slice("a", 1))).isFalse();
  }

  @Test
  void onlyGenerationsNotWrittenByTheControllerNeedASync() {
    tracker.update(slice("a", 3));
    assertThat(tracker.shouldSync(slice("a", 3))).isFalse();
    assertThat(tracker.shouldSync(slice("a", 4))).isTrue();
    assertThat(tracker.shouldSync(slice("b", 1))).isTrue();
  }

  @Test
  void aRecreatedServiceIsNotHeldBackByItsPredecessorsSlices() {
    tracker.staleSlices(svc, List.of());
    tracker.update(slice("a", 1));
    Service recreated = service("web").uid("uid-web-2").build();
    assertThat(tracker.staleSlices(recreated, List.of())).isFalse();
  }
}
