package io.kube4j.agent.cni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CniConfigTest {

  record Case(String name, String cidr, String gateway) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> gateways() {
    return Stream.of(
        new Case("a /24 takes .1", "10.244.1.0/24", "10.244.1.1"),
        new Case("a /16 takes .0.1", "10.88.0.0/16", "10.88.0.1"),
        new Case("a /30, the smallest range with a pod address, takes .1", "10.0.0.0/30", "10.0.0.1"),
        new Case("IPv6 takes ::1", "fd00:10:244:1::/64", "fd00:10:244:1:0:0:0:1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gateways")
  void gatewayIsTheFirstHostAddress(Case c) {
    assertThat(PodCidr.parse(c.cidr()).gateway().getHostAddress()).isEqualTo(c.gateway());
  }

  @Test
  void rejectsARangeWithHostBitsOrNoRoomOrANameInsteadOfAnAddress() {
    assertThatThrownBy(() -> PodCidr.parse("10.244.1.5/24")).hasMessageContaining("host bits");
    assertThatThrownBy(() -> PodCidr.parse("10.244.1.0/31")).hasMessageContaining("no room");
    assertThatThrownBy(() -> PodCidr.parse("localhost/24")).hasMessageContaining("not an IP address");
    assertThatThrownBy(() -> PodCidr.parse("10.0.0.0")).hasMessageContaining("not a CIDR");
  }

  @Test
  void nodeNetworkIsABridgeGatewayWithMasqueradeHostLocalAndPortmap() throws Exception {
    JsonNode conf = new ObjectMapper().readTree(CniConfig.forNode("10.244.1.0/24").toJson());

    assertThat(conf.get("cniVersion").asText()).isEqualTo("0.4.0");
    assertThat(conf.get("name").asText()).isEqualTo("kube4j");
    JsonNode bridge = conf.get("plugins").get(0);
    assertThat(bridge.get("type").asText()).isEqualTo("bridge");
    assertThat(bridge.get("bridge").asText()).isEqualTo("kube4j0");
    assertThat(bridge.get("isGateway").asBoolean()).isTrue();
    assertThat(bridge.get("ipMasq").asBoolean()).isTrue();
    JsonNode ipam = bridge.get("ipam");
    assertThat(ipam.get("type").asText()).isEqualTo("host-local");
    assertThat(ipam.get("ranges").get(0).get(0).get("subnet").asText()).isEqualTo("10.244.1.0/24");
    assertThat(ipam.get("ranges").get(0).get(0).get("gateway").asText()).isEqualTo("10.244.1.1");
    assertThat(ipam.get("routes").get(0).get("dst").asText()).isEqualTo("0.0.0.0/0");
    JsonNode portmap = conf.get("plugins").get(1);
    assertThat(portmap.get("type").asText()).isEqualTo("portmap");
    assertThat(portmap.get("capabilities").get("portMappings").asBoolean()).isTrue();
  }

  @Test
  void withoutPortMapTheBridgeIsTheOnlyPlugin() throws Exception {
    CniConfig config = new CniConfig("t", "t0", PodCidr.parse("10.88.0.0/16"), Path.of("/tmp/ipam"), false, false);

    JsonNode conf = new ObjectMapper().readTree(config.toJson());

    assertThat(conf.get("plugins")).hasSize(1);
    assertThat(conf.get("plugins").get(0).get("ipMasq").asBoolean()).isFalse();
  }

  @Test
  void rejectsABridgeNameLongerThanALinuxInterfaceName() {
    assertThatThrownBy(() -> new CniConfig("t", "a-very-long-bridge", PodCidr.parse("10.88.0.0/16"),
        CniConfig.DEFAULT_IPAM_DIR, true, false)).hasMessageContaining("15 characters");
  }

  @Test
  void writesTheSameFileInPlace(@TempDir Path dir) throws Exception {
    Path first = CniConfig.forNode("10.244.1.0/24").writeTo(dir);
    Object inode = Files.getAttribute(first, "unix:ino");

    Path second = CniConfig.forNode("10.244.2.0/24").writeTo(dir);

    assertThat(second).isEqualTo(first).hasFileName("10-kube4j.conflist");
    assertThat(Files.getAttribute(second, "unix:ino")).as("same inode: written, not renamed in").isEqualTo(inode);
    assertThat(Files.readString(second)).contains("10.244.2.0/24").doesNotContain("10.244.1.0/24");
  }
}
