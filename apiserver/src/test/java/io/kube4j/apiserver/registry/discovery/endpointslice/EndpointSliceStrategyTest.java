package io.kube4j.apiserver.registry.discovery.endpointslice;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.kube4j.apiserver.api.FieldError;
import org.junit.jupiter.api.Test;

class EndpointSliceStrategyTest {

  private final EndpointSliceStrategy strategy = new EndpointSliceStrategy();

  @Test
  void addressesMustMatchTheAddressType() {
    EndpointSlice s = new EndpointSliceBuilder().withNewMetadata().withName("web-abc").withNamespace("default")
        .endMetadata().withAddressType("IPv4").addNewEndpoint().withAddresses("fd00::1").endEndpoint()
        .addNewPort().withName("http").withPort(80).withProtocol("TCP").endPort().build();
    assertThat(strategy.validate(s)).extracting(FieldError::message)
        .containsExactly("endpoints[0].addresses[0]: Invalid value: \"fd00::1\": must be a valid IPv4 address");
  }
}
