package io.kube4j.controllermanager.endpointslice;

import static io.kube4j.controllermanager.testing.Pods.pod;
import static io.kube4j.controllermanager.testing.Services.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.kube4j.controllermanager.endpointslice.EndpointSliceReconciler.Plan;
import io.kube4j.controllermanager.endpointslice.util.EndpointSliceTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Slice packing: {@link EndpointSliceReconciler#plan} from cached slices and pods to the slices to
 * create, update and delete (no API involved). "Existing" slices are what a previous plan produced,
 * named and stored as the apiserver would.
 */
class EndpointSliceReconcilerTest {

  static final Map<String, String> APP = Map.of("app", "web");
  static final String CONTROLLER = EndpointSliceController.CONTROLLER_NAME;
  static final Function<String, Optional<Node>> NODES = name -> Optional.of(new NodeBuilder().withNewMetadata()
      .withName(name).addToLabels("topology.kubernetes.io/zone", "zone-a").endMetadata().build());

  final Service web = service("web").selector(APP).labels(Map.of("tier", "frontend")).port("http", 80, 8080).build();
  final EndpointSliceReconciler reconciler = new EndpointSliceReconciler(null, 100, new EndpointSliceTracker(),
      CONTROLLER);

  static List<Pod> pods(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> pod(String.format("p%03d", i)).labels(APP).ip("10.0." + (i / 200) + "." + (i % 200))
        .ready().build()).toList();
  }

  /** Stores the plan's slices as the apiserver would: created ones get names. */
  static List<EndpointSlice> stored(Plan plan) {
    List<EndpointSlice> out = new ArrayList<>();
    int n = 0;
    for (EndpointSlice s : plan.toCreate()) {
      EndpointSlice copy = new EndpointSliceBuilder(s).editMetadata().withName("web-" + n++)
          .withUid("slice-uid-" + n).endMetadata().build();
      out.add(copy);
    }
    out.addAll(plan.toUpdate());
    return out;
  }

  static int endpoints(List<EndpointSlice> slices) {
    return slices.stream().mapToInt(s -> s.getEndpoints().size()).sum();
  }

  @Test
  void aNewServiceGetsOneSliceOwnedByItAndLabelledForIt() {
    Plan plan = reconciler.plan(web, List.of(
        pod("a").labels(APP).ip("10.0.0.1").ready().build(),
        pod("b").labels(APP).ip("10.0.0.2").notReady().build()), List.of(), NODES);

    assertThat(plan.toUpdate()).isEmpty();
    assertThat(plan.toDelete()).isEmpty();
    EndpointSlice slice = plan.toCreate().get(0);
    assertThat(plan.toCreate()).hasSize(1);
    assertThat(slice.getMetadata().getGenerateName()).isEqualTo("web-");
    assertThat(slice.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "kubernetes.io/service-name", "web", "endpointslice.kubernetes.io/managed-by", CONTROLLER,
        "tier", "frontend"));
    assertThat(slice.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getApiVersion()).isEqualTo("v1");
      assertThat(o.getKind()).isEqualTo("Service");
      assertThat(o.getName()).isEqualTo("web");
      assertThat(o.getUid()).isEqualTo("uid-web");
      assertThat(o.getController()).isTrue();
      assertThat(o.getBlockOwnerDeletion()).isTrue();
    });
    assertThat(slice.getAddressType()).isEqualTo("IPv4");
    assertThat(slice.getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo("http");
      assertThat(p.getPort()).isEqualTo(8080);
      assertThat(p.getProtocol()).isEqualTo("TCP");
    });
    Endpoint b = slice.getEndpoints().get(1);
    assertThat(b.getAddresses()).containsExactly("10.0.0.2");
    assertThat(b.getConditions().getReady()).isFalse();
    assertThat(b.getConditions().getServing()).isFalse();
    assertThat(b.getConditions().getTerminating()).isFalse();
    assertThat(b.getNodeName()).isEqualTo("node-a");
    assertThat(b.getZone()).isEqualTo("zone-a");
    assertThat(b.getTargetRef().getName()).isEqualTo("b");
    assertThat(slice.getEndpoints().get(0).getConditions().getReady()).isTrue();
  }

  @Test
  void aTerminatingPodIsServingButNotReady() {
    Plan plan = reconciler.plan(web, List.of(pod("a").labels(APP).ip("10.0.0.1").ready().deleting().build()),
        List.of(), NODES);
    Endpoint ep = plan.toCreate().get(0).getEndpoints().get(0);
    assertThat(ep.getConditions().getReady()).isFalse();
    assertThat(ep.getConditions().getServing()).isTrue();
    assertThat(ep.getConditions().getTerminating()).isTrue();
  }

  @Test
  void twoHundredFiftyPodsGoInSlicesOfAtMostOneHundred() {
    Plan plan = reconciler.plan(web, pods(0, 250), List.of(), NODES);
    assertThat(plan.toCreate()).extracting(s -> s.getEndpoints().size()).containsExactly(100, 100, 50);
  }

  @Test
  void anUnchangedServiceNeedsNoWrite() {
    List<EndpointSlice> existing = stored(reconciler.plan(web, pods(0, 250), List.of(), NODES));
    Plan again = reconciler.plan(web, pods(0, 250), existing, NODES);
    assertThat(again.toCreate()).isEmpty();
    assertThat(again.toUpdate()).isEmpty();
    assertThat(again.toDelete()).isEmpty();
  }

  @Test
  void aReadinessChangeRewritesOnlyTheSliceHoldingThePod() {
    List<EndpointSlice> existing = stored(reconciler.plan(web, pods(0, 250), List.of(), NODES));
    List<Pod> changed = new ArrayList<>(pods(0, 250));
    changed.set(7, pod("p007").labels(APP).ip("10.0.0.7").notReady().build());

    Plan plan = reconciler.plan(web, changed, existing, NODES);

    assertThat(plan.toCreate()).isEmpty();
    assertThat(plan.toDelete()).isEmpty();
    assertThat(plan.toUpdate()).singleElement().satisfies(s -> {
      assertThat(s.getMetadata().getName()).isEqualTo(existing.stream()
          .filter(e -> e.getEndpoints().stream().anyMatch(ep -> ep.getTargetRef().getName().equals("p007")))
          .findFirst().orElseThrow().getMetadata().getName());
      assertThat(s.getEndpoints()).hasSize(100);
      assertThat(s.getEndpoints().stream().filter(ep -> ep.getTargetRef().getName().equals("p007")).findFirst()
          .orElseThrow().getConditions().getReady()).isFalse();
    });
  }

  @Test
  void newEndpointsFillTheUnchangedSliceTheyFitBest() {
    List<EndpointSlice> existing = stored(reconciler.plan(web, pods(0, 250), List.of(), NODES));
    Plan plan = reconciler.plan(web, pods(0, 260), existing, NODES);
    assertThat(plan.toCreate()).isEmpty();
    assertThat(plan.toUpdate()).singleElement().satisfies(s -> assertThat(s.getEndpoints()).hasSize(60));
  }

  @Test
  void whenNoSliceHasRoomANewOneIsCreated() {
    List<EndpointSlice> existing = stored(reconciler.plan(web, pods(0, 200), List.of(), NODES));
    Plan plan = reconciler.plan(web, pods(0, 201), existing, NODES);
    assertThat(plan.toUpdate()).isEmpty();
    assertThat(plan.toCreate()).singleElement().satisfies(s -> assertThat(s.getEndpoints()).hasSize(1));
  }

  @Test
  void aSliceLeftEmptyIsDeletedAndTheOthersKeepTheirEndpoints() {
    List<EndpointSlice> existing = stored(reconciler.plan(web, pods(0, 250), List.of(), NODES));
    Plan plan = reconciler.plan(web, pods(0, 200), existing, NODES);
    assertThat(plan.toCreate()).isEmpty();
    assertThat(plan.toUpdate()).isEmpty();
    assertThat(plan.toDelete()).singleElement().satisfies(s -> assertThat(s.getEndpoints()).hasSize(50));
  }

  @Test
  void aServiceWithoutEndpointsKeepsOneEmptyPlaceholderSlice() {
    Plan plan = reconciler.plan(web, List.of(), List.of(), NODES);
    assertThat(plan.toCreate()).singleElement().satisfies(s -> {
      assertThat(s.getEndpoints()).isEmpty();
      assertThat(s.getPorts()).isEmpty();
    });
    // once stored, it stays as it is
    Plan again = reconciler.plan(web, List.of(), stored(plan), NODES);
    assertThat(again.toCreate()).isEmpty();
    assertThat(again.toUpdate()).isEmpty();
    assertThat(again.toDelete()).isEmpty();
  }

  @Test
  void theLastPodGoingTurnsItsSliceIntoThePlaceholderRatherThanDeleteAndCreate() {
    List<EndpointSlice> existing = stored(reconciler.plan(web, pods(0, 3), List.of(), NODES));
    Plan plan = reconciler.plan(web, List.of(), existing, NODES);
    assertThat(plan.toCreate()).isEmpty();
    assertThat(plan.toDelete()).isEmpty();
    assertThat(plan.toUpdate()).singleElement().satisfies(s -> {
      assertThat(s.getMetadata().getName()).isEqualTo(existing.get(0).getMetadata().getName());
      assertThat(s.getEndpoints()).isEmpty();
      assertThat(s.getPorts()).isEmpty();
    });
  }

  @Test
  void slicesOfAnEarlierServiceOfTheSameNameAreReplaced() {
    List<EndpointSlice> existing = stored(reconciler.plan(web, pods(0, 3), List.of(), NODES));
    Service recreated = service("web").uid("uid-web-2").selector(APP).labels(Map.of("tier", "frontend"))
        .port("http", 80, 8080).build();
    Plan plan = reconciler.plan(recreated, pods(0, 3), existing, NODES);
    // the old slice is not this Service's: it is deleted, not reused
    assertThat(plan.toDelete()).hasSize(1);
    assertThat(plan.toCreate()).singleElement().satisfies(s ->
        assertThat(s.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo("uid-web-2"));
  }

  @Test
  void podsOfferingDifferentPortsGoInDifferentSlices() {
    Service named = service("web").selector(APP).port("http", 80, "http").build();
    Plan plan = reconciler.plan(named, List.of(
        pod("a").labels(APP).ip("10.0.0.1").ready().port("http", 8080).build(),
        pod("b").labels(APP).ip("10.0.0.2").ready().port("http", 9090).build(),
        pod("c").labels(APP).ip("10.0.0.3").ready().port("metrics", 9100).build()), List.of(), NODES);
    assertThat(plan.toCreate()).extracting(s -> s.getEndpoints().get(0).getTargetRef().getName() + " "
            + s.getPorts().stream().map(p -> p.getPort()).toList())
        .containsExactlyInAnyOrder("a [8080]", "b [9090]", "c []");
  }

  @Test
  void aPodOnAMissingNodeIsLeftOutAndReported() {
    Plan plan = reconciler.plan(web, List.of(
        pod("a").labels(APP).ip("10.0.0.1").ready().build(),
        pod("b").labels(APP).ip("10.0.0.2").ready().node("gone").build()), List.of(),
        name -> name.equals("gone") ? Optional.empty() : NODES.apply(name));
    assertThat(plan.toCreate().get(0).getEndpoints()).extracting(e -> e.getTargetRef().getName()).containsExactly("a");
    assertThat(plan.errors()).singleElement().asString().contains("Node gone Not Found");
  }

  @Test
  void aChangeOfTheServicesLabelsRelabelsItsSlices() {
    List<EndpointSlice> existing = stored(reconciler.plan(web, pods(0, 3), List.of(), NODES));
    Service relabelled = service("web").selector(APP).labels(Map.of("tier", "backend")).port("http", 80, 8080)
        .build();
    Plan plan = reconciler.plan(relabelled, pods(0, 3), existing, NODES);
    assertThat(plan.toUpdate()).singleElement().satisfies(s ->
        assertThat(s.getMetadata().getLabels()).containsEntry("tier", "backend")
            .containsEntry("kubernetes.io/service-name", "web"));
  }

  @Test
  void ipv6PodsGoInIpv6Slices() {
    Service v6 = service("web").selector(APP).ipFamilies("IPv6").port("http", 80, 8080).build();
    Plan plan = reconciler.plan(v6, List.of(pod("a").labels(APP).ip("fd00::1").ready().build()), List.of(), NODES);
    assertThat(plan.toCreate()).singleElement().satisfies(s -> {
      assertThat(s.getAddressType()).isEqualTo("IPv6");
      assertThat(s.getEndpoints().get(0).getAddresses()).containsExactly("fd00::1");
    });
  }
}
