package io.kube4j.launcher.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostAddressTest {

  @Test
  void findsTheInterfaceOfTheDefaultRoute() {
    String route = """
        Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
        docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
        eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
        eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
        """;

    assertThat(HostAddress.defaultRouteInterface(route)).hasValue("eth0");
  }

  @Test
  void findsNoInterfaceWithoutADefaultRoute() {
    assertThat(HostAddress.defaultRouteInterface("Iface\tDestination\n")).isEmpty();
  }

  @Test
  void advertisesAnIpv4Literal() {
    assertThat(HostAddress.advertiseAddress()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
  }
}
