package io.kube4j.controllermanager.endpoint;

import static io.kube4j.controllermanager.testing.Pods.pod;
import static io.kube4j.controllermanager.testing.Services.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What {@code syncService} writes, from a Service, its pods and the cached Endpoints. */
class EndpointsControllerTest {

  static final Map<String, String> APP = Map.of("app", "web");
  static final Optional<Instant> TRIGGER = Optional.of(Instant.parse("2026-01-01T00:00:00Z"));
  final Service web = service("web").selector(APP).labels(Map.of("tier", "frontend")).port("http", 80, 8080).build();
  final List<Pod> pods = List.of(pod("a").labels(APP).ip("10.0.0.1").ready().build(),
      pod("b").labels(APP).ip("10.0.0.2").notReady().build());

  /** The Endpoints as the apiserver would return it after the write. */
  static Endpoints stored(Endpoints written) {
    return new EndpointsBuilder(written).editMetadata().withResourceVersion("7").endMetadata().build();
  }

  @Test
  void aNewEndpointsIsNamedLikeTheServiceAndCarriesItsLabelsAndTheTriggerTime() {
    Endpoints ep = EndpointsController.desired(web, pods, Optional.empty(), TRIGGER).orElseThrow();
    assertThat(ep.getMetadata().getName()).isEqualTo("web");
    assertThat(ep.getMetadata().getNamespace()).isEqualTo("default");
    assertThat(ep.getMetadata().getLabels()).isEqualTo(Map.of("tier", "frontend"));
    assertThat(ep.getMetadata().getAnnotations())
        .isEqualTo(Map.of("endpoints.kubernetes.io/last-change-trigger-time", "2026-01-01T00:00:00Z"));
    assertThat(ep.getSubsets().get(0).getAddresses()).hasSize(1);
    assertThat(ep.getSubsets().get(0).getNotReadyAddresses()).hasSize(1);
  }

  @Test
  void anUpToDateEndpointsIsNotWrittenAgain() {
    Endpoints current = stored(EndpointsController.desired(web, pods, Optional.empty(), TRIGGER).orElseThrow());
    assertThat(EndpointsController.desired(web, pods, Optional.of(current), Optional.empty())).isEmpty();
    // the pods in another order change nothing either
    assertThat(EndpointsController.desired(web, List.of(pods.get(1), pods.get(0)), Optional.of(current), TRIGGER))
        .isEmpty();
  }

  @Test
  void aReadinessChangeRewritesTheEndpointsKeepingItsVersionAndOtherAnnotations() {
    Endpoints current = stored(EndpointsController.desired(web, pods, Optional.empty(), TRIGGER).orElseThrow());
    current.getMetadata().getAnnotations().put("note", "kept");
    List<Pod> bothReady = List.of(pods.get(0), pod("b").labels(APP).ip("10.0.0.2").ready().build());

    Endpoints ep = EndpointsController.desired(web, bothReady, Optional.of(current), Optional.empty()).orElseThrow();

    assertThat(ep.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(ep.getSubsets().get(0).getAddresses()).hasSize(2);
    assertThat(ep.getSubsets().get(0).getNotReadyAddresses()).isEmpty();
    // no new trigger time: the annotation goes
    assertThat(ep.getMetadata().getAnnotations()).isEqualTo(Map.of("note", "kept"));
    assertThat(current.getSubsets().get(0).getNotReadyAddresses()).as("the cached object is untouched").hasSize(1);
  }

  @Test
  void aChangeOfTheServicesLabelsIsCopied() {
    Endpoints current = stored(EndpointsController.desired(web, pods, Optional.empty(), TRIGGER).orElseThrow());
    Service relabelled = service("web").selector(APP).labels(Map.of("tier", "backend")).port("http", 80, 8080).build();
    assertThat(EndpointsController.desired(relabelled, pods, Optional.of(current), TRIGGER).orElseThrow()
        .getMetadata().getLabels()).isEqualTo(Map.of("tier", "backend"));
  }

  @Test
  void aHeadlessServicesEndpointsAreLabelledHeadless() {
    Service headless = service("db").selector(APP).headless().port("pg", 5432, 5432).build();
    Endpoints ep = EndpointsController.desired(headless, pods, Optional.empty(), TRIGGER).orElseThrow();
    assertThat(ep.getMetadata().getLabels()).containsEntry("service.kubernetes.io/headless", "");
    // the label does not count as a difference from the Service's labels
    assertThat(EndpointsController.desired(headless, pods, Optional.of(stored(ep)), TRIGGER)).isEmpty();
  }

  @Test
  void moreThanAThousandPodsAreTruncatedAndMarkedSo() {
    List<Pod> many = IntStream.range(0, 1200).mapToObj(i -> pod("p" + i).labels(APP)
        .ip("10.1." + (i / 250) + "." + (i % 250)).ready().build()).toList();
    Endpoints ep = EndpointsController.desired(web, many, Optional.empty(), TRIGGER).orElseThrow();
    assertThat(EndpointsCapacity.count(ep.getSubsets())).isEqualTo(1000);
    assertThat(ep.getMetadata().getAnnotations()).containsEntry("endpoints.kubernetes.io/over-capacity", "truncated");
    assertThat(EndpointsController.desired(web, many, Optional.of(stored(ep)), TRIGGER)).isEmpty();
    // back under capacity, the mark goes
    Endpoints fewer = EndpointsController.desired(web, many.subList(0, 10), Optional.of(stored(ep)), TRIGGER)
        .orElseThrow();
    assertThat(fewer.getMetadata().getAnnotations()).doesNotContainKey("endpoints.kubernetes.io/over-capacity");
  }
}
