package io.kube4j.controllermanager.endpoint;

import static io.kube4j.controllermanager.testing.Pods.pod;
import static io.kube4j.controllermanager.testing.Services.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EndpointSubsetsTest {

  static final Map<String, String> APP = Map.of("app", "web");
  final Service web = service("web").selector(APP).port("http", 80, 8080).build();

  static List<String> ips(List<EndpointAddress> addresses) {
    return addresses.stream().map(EndpointAddress::getIp).toList();
  }

  @Test
  void readyPodsAreAddressesTheOthersNotReadyAddresses() {
    List<EndpointSubset> subsets = EndpointSubsets.forService(web, List.of(
        pod("a").ip("10.0.0.1").ready().build(),
        pod("b").ip("10.0.0.2").notReady().build(),
        pod("c").ip("10.0.0.3").build()));

    assertThat(subsets).hasSize(1);
    assertThat(ips(subsets.get(0).getAddresses())).containsExactly("10.0.0.1");
    assertThat(ips(subsets.get(0).getNotReadyAddresses())).containsExactly("10.0.0.2", "10.0.0.3");
    assertThat(subsets.get(0).getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo("http");
      assertThat(p.getPort()).isEqualTo(8080);
      assertThat(p.getProtocol()).isEqualTo("TCP");
    });
  }

  @Test
  void anAddressNamesItsPodAndNode() {
    Pod a = pod("a").ip("10.0.0.1").ready().node("node-7").build();
    EndpointAddress address = EndpointSubsets.forService(web, List.of(a)).get(0).getAddresses().get(0);
    assertThat(address.getNodeName()).isEqualTo("node-7");
    assertThat(address.getTargetRef().getKind()).isEqualTo("Pod");
    assertThat(address.getTargetRef().getName()).isEqualTo("a");
    assertThat(address.getTargetRef().getNamespace()).isEqualTo("default");
    assertThat(address.getTargetRef().getUid()).isEqualTo(a.getMetadata().getUid());
    assertThat(address.getHostname()).isNull();
  }

  @Test
  void podsWithoutIpAndDeletingPodsAreLeftOut() {
    List<EndpointSubset> subsets = EndpointSubsets.forService(web, List.of(
        pod("no-ip").ready().build(),
        pod("going").ip("10.0.0.2").ready().deleting().build()));
    assertThat(subsets).isEmpty();
  }

  @Test
  void publishingNotReadyAddressesListsEveryPodAsReadyEvenDeletingOnes() {
    Service svc = service("web").selector(APP).port("http", 80, 8080).publishNotReadyAddresses().build();
    List<EndpointSubset> subsets = EndpointSubsets.forService(svc, List.of(
        pod("a").ip("10.0.0.1").notReady().build(),
        pod("b").ip("10.0.0.2").ready().deleting().build()));
    assertThat(ips(subsets.get(0).getAddresses())).containsExactly("10.0.0.1", "10.0.0.2");
    assertThat(subsets.get(0).getNotReadyAddresses()).isEmpty();
  }

  @Test
  void aNamedTargetPortResolvesPerPodAndAPodWithoutItIsLeftOutForThatPort() {
    Service svc = service("web").selector(APP).port("http", 80, "http").port("admin", 81, 9999).build();
    List<EndpointSubset> subsets = EndpointSubsets.forService(svc, List.of(
        pod("a").ip("10.0.0.1").ready().port("http", 8080).build(),
        pod("b").ip("10.0.0.2").ready().port("http", 9090).build(),
        pod("c").ip("10.0.0.3").ready().port("metrics", 9100).build()));

    // admin:9999 is offered by all three; http by a on 8080 and by b on 9090
    assertThat(subsets).extracting(s -> ips(s.getAddresses()) + " " + s.getPorts().stream()
        .map(p -> p.getName() + ":" + p.getPort()).toList())
        .containsExactly(
            "[10.0.0.1, 10.0.0.2, 10.0.0.3] [admin:9999]",
            "[10.0.0.1] [http:8080]",
            "[10.0.0.2] [http:9090]");
  }

  @Test
  void theHostnameIsSetForPodsInTheServicesSubdomain() {
    Service svc = service("db").selector(APP).headless().port("pg", 5432, 5432).build();
    List<EndpointSubset> subsets = EndpointSubsets.forService(svc, List.of(
        pod("db-0").ip("10.0.0.1").ready().hostname("db-0", "db").build(),
        pod("db-1").ip("10.0.0.2").ready().hostname("db-1", "elsewhere").build()));
    assertThat(subsets.get(0).getAddresses()).extracting(EndpointAddress::getHostname).containsExactly("db-0", null);
  }

  @Test
  void aHeadlessServiceWithoutPortsListsBareAddresses() {
    Service svc = service("db").selector(APP).headless().build();
    List<EndpointSubset> subsets = EndpointSubsets.forService(svc, List.of(
        pod("a").ip("10.0.0.1").ready().build(), pod("b").ip("10.0.0.2").notReady().build()));
    assertThat(subsets).singleElement().satisfies(s -> {
      assertThat(ips(s.getAddresses())).containsExactly("10.0.0.1");
      assertThat(ips(s.getNotReadyAddresses())).containsExactly("10.0.0.2");
      assertThat(s.getPorts()).isEmpty();
    });
    // a Service with a cluster IP but no ports has no endpoints
    Service noPorts = service("x").selector(APP).build();
    assertThat(EndpointSubsets.forService(noPorts, List.of(pod("a").ip("10.0.0.1").ready().build()))).isEmpty();
  }

  @Test
  void theAddressIsThePodIpOfTheServicesFamily() {
    Pod dual = pod("a").ip("10.0.0.1").ip("fd00::1").ready().build();
    Service v6 = service("web").selector(APP).ipFamilies("IPv6").port("http", 80, 8080).build();
    assertThat(ips(EndpointSubsets.forService(v6, List.of(dual)).get(0).getAddresses())).containsExactly("fd00::1");
    assertThat(ips(EndpointSubsets.forService(web, List.of(dual)).get(0).getAddresses())).containsExactly("10.0.0.1");
    Pod v4only = pod("b").ip("10.0.0.2").ready().build();
    assertThat(EndpointSubsets.forService(v6, List.of(v4only))).isEmpty();
  }

  @Test
  void theSamePodsInAnyOrderGiveTheSameSubsets() {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      var p = pod("p" + i).ip("10.0." + (i % 3) + "." + i).port("http", 8080 + i % 2);
      pods.add((i % 3 == 0 ? p.ready() : i % 3 == 1 ? p.notReady() : p).build());
    }
    Service svc = service("web").selector(APP).port("http", 80, "http").port("metrics", 90, 9090).build();
    List<EndpointSubset> expected = EndpointSubsets.forService(svc, pods);
    for (long seed = 0; seed < 5; seed++) {
      List<Pod> shuffled = new ArrayList<>(pods);
      Collections.shuffle(shuffled, new Random(seed));
      assertThat(EndpointSubsets.forService(svc, shuffled)).isEqualTo(expected);
    }
  }

  @Test
  void equalityIgnoresTargetResourceVersionsButNotAddresses() {
    List<EndpointSubset> a = EndpointSubsets.forService(web, List.of(pod("a").ip("10.0.0.1").ready().build()));
    List<EndpointSubset> b = EndpointSubsets.forService(web, List.of(pod("a").ip("10.0.0.1").ready().build()));
    b.get(0).getAddresses().get(0).getTargetRef().setResourceVersion("42");
    assertThat(EndpointSubsets.equalIgnoringResourceVersion(a, b)).isTrue();
    List<EndpointSubset> c = EndpointSubsets.forService(web, List.of(pod("a").ip("10.0.0.9").ready().build()));
    assertThat(EndpointSubsets.equalIgnoringResourceVersion(a, c)).isFalse();
    List<EndpointSubset> d = EndpointSubsets.forService(web, List.of(pod("a").ip("10.0.0.1").notReady().build()));
    assertThat(EndpointSubsets.equalIgnoringResourceVersion(a, d)).isFalse();
  }
}
