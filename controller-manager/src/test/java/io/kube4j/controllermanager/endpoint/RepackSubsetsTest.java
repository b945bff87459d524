package io.kube4j.controllermanager.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.EndpointSubsetBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepackSubsetsTest {

  static EndpointAddress addr(String ip) {
    return new EndpointAddressBuilder().withIp(ip).withNewTargetRef().withKind("Pod").withName("pod-" + ip)
        .withUid("uid-" + ip).endTargetRef().build();
  }

  static EndpointPort port(String name, int number) {
    return new EndpointPortBuilder().withName(name).withPort(number).withProtocol("TCP").build();
  }

  static EndpointSubset ready(EndpointAddress a, EndpointPort... ports) {
    return new EndpointSubsetBuilder().withAddresses(a).withPorts(ports).build();
  }

  static EndpointSubset notReady(EndpointAddress a, EndpointPort... ports) {
    return new EndpointSubsetBuilder().withNotReadyAddresses(a).withPorts(ports).build();
  }

  static String show(List<EndpointSubset> subsets) {
    StringBuilder s = new StringBuilder();
    for (EndpointSubset ss : subsets) {
      s.append(ss.getAddresses().stream().map(EndpointAddress::getIp).toList())
          .append(ss.getNotReadyAddresses().stream().map(EndpointAddress::getIp).toList())
          .append(ss.getPorts().stream().map(p -> p.getName() + ":" + p.getPort()).toList()).append(' ');
    }
    return s.toString().trim();
  }

  @Test
  void addressesOfferingTheSamePortsShareASubset() {
    EndpointPort p1 = port("p1", 80);
    EndpointPort p2 = port("p2", 81);
    // the worked example of RepackSubsets' comment
    List<EndpointSubset> out = RepackSubsets.repack(List.of(
        ready(addr("10.0.0.1"), p1), ready(addr("10.0.0.1"), p2),
        ready(addr("10.0.0.2"), p1), ready(addr("10.0.0.2"), p2),
        notReady(addr("10.0.0.3"), p1)));
    assertThat(show(out)).isEqualTo(
        "[10.0.0.1, 10.0.0.2][10.0.0.3][p1:80] [10.0.0.1, 10.0.0.2][][p2:81]");
  }

  @Test
  void identicalPortSetsMergeIntoOneSubset() {
    EndpointPort p1 = port("p1", 80);
    EndpointPort p2 = port("p2", 81);
    List<EndpointSubset> out = RepackSubsets.repack(List.of(
        ready(addr("10.0.0.2"), p2, p1), ready(addr("10.0.0.1"), p1), ready(addr("10.0.0.1"), p2)));
    assertThat(show(out)).isEqualTo("[10.0.0.1, 10.0.0.2][][p1:80, p2:81]");
  }

  @Test
  void notReadyForAPortInOneSubsetMakesTheAddressNotReadyForIt() {
    EndpointPort p1 = port("p1", 80);
    List<EndpointSubset> out = RepackSubsets.repack(List.of(
        ready(addr("10.0.0.1"), p1), notReady(addr("10.0.0.1"), p1), ready(addr("10.0.0.2"), p1)));
    assertThat(show(out)).isEqualTo("[10.0.0.2][10.0.0.1][p1:80]");
  }

  @Test
  void theSameIpOfTwoPodsIsTwoAddresses() {
    EndpointAddress a = addr("10.0.0.1");
    EndpointAddress b = new EndpointAddressBuilder(addr("10.0.0.1")).editTargetRef().withUid("other").endTargetRef()
        .build();
    List<EndpointSubset> out = RepackSubsets.repack(List.of(ready(a, port("p", 80)), ready(b, port("p", 80))));
    assertThat(out.get(0).getAddresses()).hasSize(2);
    assertThat(RepackSubsets.repack(List.of(ready(a, port("p", 80)), ready(a, port("p", 80))))
        .get(0).getAddresses()).hasSize(1);
  }

  @Test
  void subsetsWithoutPortsKeepTheirAddresses() {
    List<EndpointSubset> out = RepackSubsets.repack(List.of(
        new EndpointSubsetBuilder().withAddresses(addr("10.0.0.2")).build(),
        new EndpointSubsetBuilder().withNotReadyAddresses(addr("10.0.0.1")).build()));
    assertThat(show(out)).isEqualTo("[10.0.0.2][10.0.0.1][]");
  }

  @Test
  void nothingIsNothing() {
    assertThat(RepackSubsets.repack(List.of())).isEmpty();
  }
}
