package io.kube4j.controllermanager.endpointslice.util;

import static io.kube4j.controllermanager.testing.Pods.pod;
import static io.kube4j.controllermanager.testing.Services.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodServiceMembershipsTest {

  final List<Service> services = List.of(
      service("web").selector(Map.of("app", "web")).build(),
      service("web-canary").selector(Map.of("app", "web", "track", "canary")).build(),
      service("db").selector(Map.of("app", "db")).build(),
      service("manual").build());
  final PodServiceMemberships memberships = new PodServiceMemberships(ns -> services);

  @Test
  void aPodBelongsToEveryServiceWhoseSelectorMatchesItsLabels() {
    assertThat(memberships.of(pod("p").labels(Map.of("app", "web", "track", "canary")).build()))
        .containsExactly("default/web", "default/web-canary");
    assertThat(memberships.of(pod("p").labels(Map.of("app", "cache")).build())).isEmpty();
  }

  @Test
  void aServiceWithoutSelectorSelectsNothing() {
    assertThat(memberships.of(pod("p").build())).isEmpty();
  }

  @Test
  void aReadinessChangeConcernsTheServicesOfThePod() {
    var old = pod("p").labels(Map.of("app", "web")).ip("10.0.0.1").notReady().resourceVersion("1").build();
    var cur = pod("p").labels(Map.of("app", "web")).ip("10.0.0.1").ready().resourceVersion("2").build();
    assertThat(memberships.onUpdate(old, cur)).containsExactly("default/web");
  }

  @Test
  void anUpdateNoEndpointShowsConcernsNoService() {
    var old = pod("p").labels(Map.of("app", "web")).ip("10.0.0.1").ready().resourceVersion("1").build();
    var cur = pod("p").labels(Map.of("app", "web")).ip("10.0.0.1").ready().resourceVersion("2").build();
    cur.getMetadata().setAnnotations(Map.of("note", "changed"));
    assertThat(memberships.onUpdate(old, cur)).isEmpty();
    // a resync delivers the same version twice
    assertThat(memberships.onUpdate(cur, cur)).isEmpty();
  }

  @Test
  void aLabelChangeAloneConcernsTheServicesThatGainedOrLostThePod() {
    var old = pod("p").labels(Map.of("app", "web")).ip("10.0.0.1").ready().resourceVersion("1").build();
    var cur = pod("p").labels(Map.of("app", "web", "track", "canary")).ip("10.0.0.1").ready().resourceVersion("2")
        .build();
    assertThat(memberships.onUpdate(old, cur)).containsExactly("default/web-canary");
    var moved = pod("p").labels(Map.of("app", "db")).ip("10.0.0.1").ready().resourceVersion("3").build();
    assertThat(memberships.onUpdate(old, moved)).containsExactly("default/db", "default/web");
  }

  @Test
  void aLabelAndReadinessChangeConcernsEveryServiceBeforeAndAfter() {
    var old = pod("p").labels(Map.of("app", "web")).ip("10.0.0.1").ready().resourceVersion("1").build();
    var cur = pod("p").labels(Map.of("app", "web", "track", "canary")).ip("10.0.0.1").notReady()
        .resourceVersion("2").build();
    assertThat(memberships.onUpdate(old, cur)).containsExactly("default/web", "default/web-canary");
  }
}
