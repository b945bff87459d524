package io.kube4j.controllermanager.endpoint;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.kube4j.controllermanager.endpointslice.util.PodEndpoints;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code subsets} of a Service's Endpoints, computed from its pods as {@code syncService} does
 * upstream: one single-address, single-port subset per (pod, service port), then
 * {@link RepackSubsets#repack repacked} into the canonical form, so that the same pods always give
 * the same subsets and an unchanged Service needs no write.
 */
final class EndpointSubsets {

  private EndpointSubsets() {}

  /** The repacked subsets for {@code service} (which has a selector) given the pods it selects. */
  static List<EndpointSubset> forService(Service service, List<Pod> pods) {
    boolean publishNotReady = Boolean.TRUE.equals(service.getSpec().getPublishNotReadyAddresses());
    List<ServicePort> servicePorts = service.getSpec().getPorts() == null ? List.of() : service.getSpec().getPorts();
    List<EndpointSubset> subsets = new ArrayList<>();
    for (Pod pod : pods) {
      if (!PodEndpoints.shouldPodBeInEndpoints(pod, publishNotReady)) {
        continue;
      }
      Optional<EndpointAddress> address = addressFor(service, pod);
      if (address.isEmpty()) {
        continue;
      }
      boolean ready = publishNotReady || PodEndpoints.isPodReady(pod);
      if (servicePorts.isEmpty()) {
        // a headless Service may have no ports: its addresses are all DNS needs
        if ("None".equals(service.getSpec().getClusterIP())) {
          subsets.add(subset(address.get(), null, ready));
        }
        continue;
      }
      for (ServicePort sp : servicePorts) {
        OptionalInt port = PodEndpoints.findPort(pod, sp);
        if (port.isPresent()) {
          subsets.add(subset(address.get(), endpointPort(sp, port.getAsInt()), ready));
        }
      }
    }
    return RepackSubsets.repack(subsets);
  }

  /**
   * {@code podToEndpointAddressForService}: the pod's IP of the Service's (first) IP family; none
   * when the pod has no IP of that family. Hostname only when the pod asked for one under this
   * Service.
   */
  static Optional<EndpointAddress> addressFor(Service service, Pod pod) {
    boolean ipv6 = wantsIPv6(service, pod);
    Optional<String> ip = PodEndpoints.podIPs(pod).stream().filter(a -> PodEndpoints.isIPv6(a) == ipv6).findFirst();
    if (ip.isEmpty()) {
      return Optional.empty();
    }
    EndpointAddressBuilder address = new EndpointAddressBuilder().withIp(ip.get())
        .withNewTargetRef().withKind("Pod").withNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid()).endTargetRef();
    String nodeName = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    if (nodeName != null && !nodeName.isEmpty()) {
      address.withNodeName(nodeName);
    }
    if (PodEndpoints.shouldSetHostname(pod, service)) {
      address.withHostname(pod.getSpec().getHostname());
    }
    return Optional.of(address.build());
  }

  /**
   * The family: {@code spec.ipFamilies[0]} as the apiserver sets it; failing that, the family of the
   * cluster IP, or for a headless Service that of the pod's own IP.
   */
  private static boolean wantsIPv6(Service service, Pod pod) {
    List<String> families = service.getSpec().getIpFamilies();
    if (families != null && !families.isEmpty()) {
      return "IPv6".equals(families.get(0));
    }
    String clusterIP = service.getSpec().getClusterIP();
    if (clusterIP != null && !clusterIP.isEmpty() && !"None".equals(clusterIP)) {
      return PodEndpoints.isIPv6(clusterIP);
    }
    String podIP = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
    return podIP != null && PodEndpoints.isIPv6(podIP);
  }

  /** {@code endpointPortFromServicePort}: the service port's name and protocol, the pod's port number. */
  static EndpointPort endpointPort(ServicePort sp, int port) {
    String name = sp.getName() == null || sp.getName().isEmpty() ? null : sp.getName();
    return new EndpointPortBuilder().withName(name).withPort(port)
        .withProtocol(sp.getProtocol() == null ? "TCP" : sp.getProtocol()).withAppProtocol(sp.getAppProtocol())
        .build();
  }

  /** {@code addEndpointSubset}: one address, ready or not, with at most one port. */
  private static EndpointSubset subset(EndpointAddress address, EndpointPort port, boolean ready) {
    EndpointSubset s = new EndpointSubset();
    s.setAddresses(ready ? new ArrayList<>(List.of(address)) : new ArrayList<>());
    s.setNotReadyAddresses(ready ? new ArrayList<>() : new ArrayList<>(List.of(address)));
    s.setPorts(port == null ? new ArrayList<>() : new ArrayList<>(List.of(port)));
    return s;
  }

  /**
   * {@code endpointSubsetsEqualIgnoreResourceVersion}: equal apart from the target references'
   * resourceVersion (a pod's unrelated updates must not rewrite its Endpoints) and apart from how an
   * empty list or string is spelled.
   */
  static boolean equalIgnoringResourceVersion(List<EndpointSubset> a, List<EndpointSubset> b) {
    return normalized(a).equals(normalized(b));
  }

  private static List<EndpointSubset> normalized(List<EndpointSubset> subsets) {
    List<EndpointSubset> out = new ArrayList<>();
    for (EndpointSubset s : subsets == null ? List.<EndpointSubset>of() : subsets) {
      EndpointSubset n = new EndpointSubset();
      n.setAddresses(normalizedAddresses(s.getAddresses()));
      n.setNotReadyAddresses(normalizedAddresses(s.getNotReadyAddresses()));
      List<EndpointPort> ports = new ArrayList<>();
      for (EndpointPort p : s.getPorts() == null ? List.<EndpointPort>of() : s.getPorts()) {
        ports.add(new EndpointPortBuilder(p).withName(emptyToNull(p.getName())).build());
      }
      n.setPorts(ports);
      out.add(n);
    }
    return out;
  }

  private static List<EndpointAddress> normalizedAddresses(List<EndpointAddress> addresses) {
    List<EndpointAddress> out = new ArrayList<>();
    for (EndpointAddress a : addresses == null ? List.<EndpointAddress>of() : addresses) {
      EndpointAddress n = new EndpointAddressBuilder(a).withHostname(emptyToNull(a.getHostname()))
          .withNodeName(emptyToNull(a.getNodeName())).build();
      if (n.getTargetRef() != null) {
        n.getTargetRef().setResourceVersion(null);
      }
      out.add(n);
    }
    return out;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** {@code LessEndpointAddress}: by IP, then by the target's UID (an address without target first). */
  static final Comparator<EndpointAddress> BY_IP_AND_UID = Comparator
      .comparing((EndpointAddress a) -> Objects.requireNonNullElse(a.getIp(), ""))
      .thenComparing(a -> Optional.ofNullable(a.getTargetRef()).map(ObjectReference::getUid).orElse(null),
          Comparator.nullsFirst(Comparator.naturalOrder()));
}
