package io.kube4j.controllermanager.endpointslice.util;

import static io.kube4j.controllermanager.testing.Pods.pod;
import static io.kube4j.controllermanager.testing.Services.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PodEndpointsTest {

  record PortCase(String name, Pod pod, ServicePort servicePort, OptionalInt expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static ServicePort targeting(IntOrString target, String protocol) {
    return new ServicePortBuilder().withPort(80).withTargetPort(target).withProtocol(protocol).build();
  }

  static Stream<PortCase> findPortCases() {
    Pod named = pod("p").port("http", 8080).port("dns", 53, "UDP").build();
    Pod sidecar = pod("s").build();
    sidecar.getSpec().getInitContainers().add(new ContainerBuilder().withName("proxy").withRestartPolicy("Always")
        .addToPorts(new ContainerPortBuilder().withName("proxy").withContainerPort(15001).withProtocol("TCP").build())
        .build());
    Pod plainInit = pod("i").build();
    plainInit.getSpec().getInitContainers().add(new ContainerBuilder().withName("setup")
        .addToPorts(new ContainerPortBuilder().withName("setup").withContainerPort(9999).withProtocol("TCP").build())
        .build());
    return Stream.of(
        new PortCase("a number is used as it is", named, targeting(new IntOrString(9000), "TCP"), OptionalInt.of(9000)),
        new PortCase("no targetPort means the service port", named, targeting(null, "TCP"), OptionalInt.of(80)),
        new PortCase("a name resolves to the container port", named, targeting(new IntOrString("http"), "TCP"),
            OptionalInt.of(8080)),
        new PortCase("a name must match the protocol too", named, targeting(new IntOrString("dns"), "TCP"),
            OptionalInt.empty()),
        new PortCase("a UDP name resolves for a UDP port", named, targeting(new IntOrString("dns"), "UDP"),
            OptionalInt.of(53)),
        new PortCase("a pod without the name has no such port", named, targeting(new IntOrString("metrics"), "TCP"),
            OptionalInt.empty()),
        new PortCase("sidecar containers' ports count", sidecar, targeting(new IntOrString("proxy"), "TCP"),
            OptionalInt.of(15001)),
        new PortCase("plain init containers' ports do not", plainInit, targeting(new IntOrString("setup"), "TCP"),
            OptionalInt.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("findPortCases")
  void findPort(PortCase c) {
    assertThat(PodEndpoints.findPort(c.pod(), c.servicePort())).isEqualTo(c.expected());
  }

  @Test
  void aPodWithoutIpOrFinishedIsNoEndpoint() {
    assertThat(PodEndpoints.shouldPodBeInEndpoints(pod("p").ready().build(), true)).isFalse();
    assertThat(PodEndpoints.shouldPodBeInEndpoints(pod("p").ip("10.0.0.1").phase("Succeeded").build(), true))
        .isFalse();
    assertThat(PodEndpoints.shouldPodBeInEndpoints(pod("p").ip("10.0.0.1").phase("Failed").build(), true)).isFalse();
    assertThat(PodEndpoints.shouldPodBeInEndpoints(pod("p").ip("10.0.0.1").build(), false)).isTrue();
  }

  @Test
  void aDeletingPodIsAnEndpointOnlyWhenTerminatingOnesAreIncluded() {
    Pod deleting = pod("p").ip("10.0.0.1").ready().deleting().build();
    assertThat(PodEndpoints.shouldPodBeInEndpoints(deleting, false)).isFalse();
    assertThat(PodEndpoints.shouldPodBeInEndpoints(deleting, true)).isTrue();
  }

  @Test
  void podIpFallsBackToStatusPodIpWhenPodIpsIsUnset() {
    Pod p = pod("p").build();
    p.getStatus().setPodIP("10.0.0.7");
    assertThat(PodEndpoints.podIPs(p)).containsExactly("10.0.0.7");
    assertThat(PodEndpoints.podIPs(pod("q").ip("10.0.0.8").ip("fd00::8").build())).containsExactly("10.0.0.8", "fd00::8");
  }

  @Test
  void readinessIsTheReadyCondition() {
    assertThat(PodEndpoints.isPodReady(pod("p").ready().build())).isTrue();
    assertThat(PodEndpoints.isPodReady(pod("p").notReady().build())).isFalse();
    assertThat(PodEndpoints.isPodReady(pod("p").build())).isFalse();
  }

  @Test
  void hostnameOnlyForAPodWhoseSubdomainIsTheService() {
    var svc = service("db").build();
    assertThat(PodEndpoints.shouldSetHostname(pod("p").hostname("db-0", "db").build(), svc)).isTrue();
    assertThat(PodEndpoints.shouldSetHostname(pod("p").hostname("db-0", "other").build(), svc)).isFalse();
    assertThat(PodEndpoints.shouldSetHostname(pod("p").hostname("db-0", "db").namespace("elsewhere").build(), svc))
        .isFalse();
    assertThat(PodEndpoints.shouldSetHostname(pod("p").build(), svc)).isFalse();
  }
}
