package io.kube4j.controllermanager.testing;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.List;
import java.util.Map;

/** A Service as the apiserver stores it: defaulted cluster IP, IPv4 family, TCP ports. */
public final class Services {

  private final ServiceBuilder service;

  private Services(String name) {
    this.service = new ServiceBuilder().withNewMetadata().withName(name).withNamespace("default")
        .withUid("uid-" + name).withCreationTimestamp("2026-01-01T00:00:00Z").endMetadata()
        .withNewSpec().withType("ClusterIP").withClusterIP("10.96.0.10").withIpFamilies("IPv4").endSpec();
  }

  /** Service {@code name} in {@code default}, ClusterIP, no selector and no ports yet. */
  public static Services service(String name) {
    return new Services(name);
  }

  public Services namespace(String namespace) {
    service.editMetadata().withNamespace(namespace).endMetadata();
    return this;
  }

  public Services uid(String uid) {
    service.editMetadata().withUid(uid).endMetadata();
    return this;
  }

  public Services labels(Map<String, String> labels) {
    service.editMetadata().withLabels(labels).endMetadata();
    return this;
  }

  public Services selector(Map<String, String> selector) {
    service.editSpec().withSelector(selector).endSpec();
    return this;
  }

  /** A TCP port {@code port} forwarding to {@code targetPort} (a number or a port name). */
  public Services port(String name, int port, Object targetPort) {
    IntOrString target = targetPort instanceof Integer n ? new IntOrString(n) : new IntOrString((String) targetPort);
    service.editSpec().addToPorts(new ServicePortBuilder().withName(name).withPort(port).withProtocol("TCP")
        .withTargetPort(target).build()).endSpec();
    return this;
  }

  public Services headless() {
    service.editSpec().withClusterIP("None").endSpec();
    return this;
  }

  public Services ipFamilies(String... families) {
    service.editSpec().withIpFamilies(List.of(families)).endSpec();
    return this;
  }

  public Services publishNotReadyAddresses() {
    service.editSpec().withPublishNotReadyAddresses(true).endSpec();
    return this;
  }

  public Service build() {
    return service.build();
  }
}
