package io.kube4j.controllermanager.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EndpointsCapacityTest {

  static List<EndpointAddress> addresses(String prefix, int n) {
    return new ArrayList<>(IntStream.range(0, n)
        .mapToObj(i -> new EndpointAddressBuilder().withIp(prefix + "." + (i / 250) + "." + (i % 250)).build())
        .toList());
  }

  static EndpointSubset subset(int ready, int notReady, String prefix) {
    EndpointSubset s = new EndpointSubset();
    s.setAddresses(addresses(prefix + ".1", ready));
    s.setNotReadyAddresses(addresses(prefix + ".2", notReady));
    return s;
  }

  @Test
  void atMostAThousandAddressesAreKeptReadyOnesFirst() {
    // the worked example: 900 ready, 300 not ready in two subsets of 200 and 100
    List<EndpointSubset> subsets = new ArrayList<>(List.of(subset(450, 200, "10"), subset(450, 100, "11")));
    assertThat(EndpointsCapacity.truncate(subsets)).isTrue();
    assertThat(subsets.get(0).getAddresses()).hasSize(450);
    assertThat(subsets.get(0).getNotReadyAddresses()).hasSize(67);
    assertThat(subsets.get(1).getAddresses()).hasSize(450);
    assertThat(subsets.get(1).getNotReadyAddresses()).hasSize(33);
    assertThat(EndpointsCapacity.count(subsets)).isEqualTo(EndpointsCapacity.MAX_CAPACITY);
  }

  @Test
  void tooManyReadyAddressesDropEveryNotReadyOne() {
    List<EndpointSubset> subsets = new ArrayList<>(List.of(subset(900, 10, "10"), subset(300, 10, "11")));
    assertThat(EndpointsCapacity.truncate(subsets)).isTrue();
    assertThat(subsets.get(0).getAddresses()).hasSize(750);
    assertThat(subsets.get(1).getAddresses()).hasSize(250);
    assertThat(subsets).allSatisfy(s -> assertThat(s.getNotReadyAddresses()).isEmpty());
  }

  @Test
  void aThousandOrFewerAreLeftAlone() {
    List<EndpointSubset> subsets = new ArrayList<>(List.of(subset(600, 400, "10")));
    assertThat(EndpointsCapacity.truncate(subsets)).isFalse();
    assertThat(EndpointsCapacity.count(subsets)).isEqualTo(1000);
  }
}
