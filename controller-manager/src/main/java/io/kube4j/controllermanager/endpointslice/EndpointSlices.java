package io.kube4j.controllermanager.endpointslice;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.kube4j.controllermanager.endpointslice.util.PodEndpoints;
import io.kube4j.controllermanager.endpointslice.util.WellKnown;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * From pods to EndpointSlice contents ({@code utils.go} of {@code k8s.io/endpointslice}): an
 * endpoint per pod and address type, the ports a pod offers for a Service, a new slice with the
 * Service's labels and owner reference, and the keys slices are grouped and compared by.
 */
final class EndpointSlices {

  static final String IPV4 = "IPv4";
  static final String IPV6 = "IPv6";

  private EndpointSlices() {}

  /**
   * The ports a slice with this pod lists ({@code getEndpointPorts}): each service port whose
   * {@code targetPort} the pod has, with the service port's name and the pod's port number. Pods
   * that offer different port numbers (a named targetPort resolved differently) go in different
   * slices.
   */
  static List<EndpointPort> endpointPorts(Service service, Pod pod) {
    List<EndpointPort> ports = new ArrayList<>();
    for (ServicePort sp : service.getSpec().getPorts() == null ? List.<ServicePort>of() : service.getSpec().getPorts()) {
      OptionalInt port = PodEndpoints.findPort(pod, sp);
      if (port.isPresent()) {
        ports.add(new EndpointPortBuilder().withName(sp.getName() == null ? "" : sp.getName())
            .withPort(port.getAsInt()).withProtocol(sp.getProtocol() == null ? "TCP" : sp.getProtocol())
            .withAppProtocol(sp.getAppProtocol()).build());
      }
    }
    ports.sort(PORT_ORDER);
    return ports;
  }

  /**
   * {@code podToEndpoint}: the pod's addresses of {@code addressType}, and its conditions. Serving is
   * readiness; terminating is a deletion in progress; ready is serving and not terminating (always
   * true for a Service that publishes not-ready addresses), which is what consumers that know no
   * other condition, like older kube-proxies, route by.
   */
  static Endpoint podToEndpoint(Pod pod, Optional<Node> node, Service service, String addressType) {
    boolean serving = PodEndpoints.isPodReady(pod);
    boolean terminating = pod.getMetadata().getDeletionTimestamp() != null;
    boolean ready = Boolean.TRUE.equals(service.getSpec().getPublishNotReadyAddresses()) || (serving && !terminating);
    List<String> addresses = PodEndpoints.podIPs(pod).stream()
        .filter(ip -> PodEndpoints.isIPv6(ip) == IPV6.equals(addressType)).toList();
    EndpointBuilder ep = new EndpointBuilder().withAddresses(addresses)
        .withNewConditions().withReady(ready).withServing(serving).withTerminating(terminating).endConditions()
        .withNewTargetRef().withKind("Pod").withNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid()).endTargetRef();
    String nodeName = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    if (nodeName != null && !nodeName.isEmpty()) {
      ep.withNodeName(nodeName);
    }
    node.map(n -> n.getMetadata().getLabels()).map(l -> l.get(WellKnown.LABEL_TOPOLOGY_ZONE))
        .filter(z -> !z.isEmpty()).ifPresent(ep::withZone);
    if (PodEndpoints.shouldSetHostname(pod, service)) {
      ep.withHostname(pod.getSpec().getHostname());
    }
    return ep.build();
  }

  /** {@code newEndpointSlice}: empty, named {@code <service>-<random>}, owned by the Service. */
  static EndpointSlice newEndpointSlice(Service service, List<EndpointPort> ports, String addressType,
      String controllerName) {
    OwnerReference owner = new OwnerReferenceBuilder().withApiVersion("v1").withKind("Service")
        .withName(service.getMetadata().getName()).withUid(service.getMetadata().getUid())
        .withController(true).withBlockOwnerDeletion(true).build();
    EndpointSlice slice = new EndpointSliceBuilder().withNewMetadata()
        .withGenerateName(service.getMetadata().getName() + "-").withNamespace(service.getMetadata().getNamespace())
        .withOwnerReferences(owner).endMetadata()
        .withAddressType(addressType).build();
    slice.setPorts(new ArrayList<>(ports));
    slice.setEndpoints(new ArrayList<>());
    slice.getMetadata().setLabels(labels(slice, service, controllerName).labels());
    return slice;
  }

  /** A slice's labels as they should be, and whether the Service's own labels on it changed. */
  record Labels(Map<String, String> labels, boolean changed) {}

  /**
   * {@code setEndpointSliceLabels}: the Service's labels, plus the reserved ones the controller
   * owns (service name, managed-by, headless), which a Service cannot override. Only a change in the
   * Service's own labels counts as a change.
   */
  static Labels labels(EndpointSlice slice, Service service, String controllerName) {
    Map<String, String> sliceLabels = withoutReserved(slice.getMetadata().getLabels());
    Map<String, String> labels = withoutReserved(service.getMetadata().getLabels());
    boolean changed = !sliceLabels.equals(labels);
    String clusterIP = service.getSpec().getClusterIP();
    if (clusterIP == null || clusterIP.isEmpty() || "None".equals(clusterIP)) {
      labels.put(WellKnown.LABEL_HEADLESS, "");
    }
    labels.put(WellKnown.LABEL_SERVICE_NAME, service.getMetadata().getName());
    labels.put(WellKnown.LABEL_MANAGED_BY, controllerName);
    return new Labels(labels, changed);
  }

  private static Map<String, String> withoutReserved(Map<String, String> labels) {
    Map<String, String> out = new HashMap<>(labels == null ? Map.of() : labels);
    out.keySet().removeAll(Set.of(WellKnown.LABEL_SERVICE_NAME, WellKnown.LABEL_MANAGED_BY, WellKnown.LABEL_HEADLESS));
    return out;
  }

  /** {@code ownedBy}: the slice names this very Service (by UID) among its owners. */
  static boolean ownedBy(EndpointSlice slice, Service service) {
    List<OwnerReference> owners = slice.getMetadata().getOwnerReferences();
    return owners != null && owners.stream().anyMatch(o -> Objects.equals(o.getUid(), service.getMetadata().getUid())
        && "Service".equals(o.getKind()) && "v1".equals(o.getApiVersion()));
  }

  /**
   * {@code getAddressTypesForService}: a slice family per {@code spec.ipFamilies}; without them (an
   * old apiserver), the cluster IP's family, or both for a headless Service.
   */
  static Set<String> addressTypes(Service service) {
    Set<String> types = new LinkedHashSet<>();
    for (String family : service.getSpec().getIpFamilies() == null ? List.<String>of() : service.getSpec().getIpFamilies()) {
      if (IPV4.equals(family) || IPV6.equals(family)) {
        types.add(family);
      }
    }
    if (!types.isEmpty()) {
      return types;
    }
    String clusterIP = service.getSpec().getClusterIP();
    if (clusterIP != null && !clusterIP.isEmpty() && !"None".equals(clusterIP)) {
      return Set.of(PodEndpoints.isIPv6(clusterIP) ? IPV6 : IPV4);
    }
    return new LinkedHashSet<>(List.of(IPV4, IPV6));
  }

  /**
   * {@code getSliceToFill}: of the slices, the one closest to full that still has room for
   * {@code count} more endpoints; empty if none has. Worked example, 100 per slice, 30 to place:
   * slices of 60, 75 and 80 leave 10, -5 and -10: the 60 one is chosen.
   */
  static Optional<EndpointSlice> sliceToFill(List<EndpointSlice> slices, int count, int maxEndpoints) {
    EndpointSlice closest = null;
    int closestDiff = maxEndpoints;
    for (EndpointSlice s : slices) {
      int diff = maxEndpoints - (count + s.getEndpoints().size());
      if (diff >= 0 && diff < closestDiff) {
        closestDiff = diff;
        closest = s;
        if (diff == 0) {
          break;
        }
      }
    }
    return Optional.ofNullable(closest);
  }

  /** Identifies an endpoint across syncs ({@code endpointHash}): addresses, hostname, target pod. */
  record EndpointKey(List<String> addresses, String hostname, String namespace, String name) {

    static EndpointKey of(Endpoint ep) {
      List<String> addresses = new ArrayList<>(ep.getAddresses() == null ? List.of() : ep.getAddresses());
      addresses.sort(Comparator.naturalOrder());
      ObjectReference ref = ep.getTargetRef();
      return new EndpointKey(addresses, Objects.requireNonNullElse(ep.getHostname(), ""),
          ref == null ? "" : Objects.requireNonNullElse(ref.getNamespace(), ""),
          ref == null ? "" : Objects.requireNonNullElse(ref.getName(), ""));
    }
  }

  /**
   * {@code EndpointsEqualBeyondHash}: same node, zone, conditions and target (its resourceVersion
   * aside); with equal {@link EndpointKey keys}, nothing about the endpoint needs writing.
   */
  static boolean equalBeyondKey(Endpoint a, Endpoint b) {
    return Objects.equals(a.getNodeName(), b.getNodeName()) && Objects.equals(a.getZone(), b.getZone())
        && conditions(a).equals(conditions(b))
        && Objects.equals(targetIgnoringResourceVersion(a), targetIgnoringResourceVersion(b));
  }

  /** ready, serving, terminating. */
  private static List<Boolean> conditions(Endpoint ep) {
    EndpointConditions c = ep.getConditions();
    return c == null ? Arrays.<Boolean>asList(null, null, null) : Arrays.asList(c.getReady(), c.getServing(), c.getTerminating());
  }

  private static List<String> targetIgnoringResourceVersion(Endpoint ep) {
    ObjectReference ref = ep.getTargetRef();
    return ref == null ? null
        : Arrays.asList(ref.getApiVersion(), ref.getKind(), ref.getNamespace(), ref.getName(), ref.getUid(),
            ref.getFieldPath());
  }

  /** Groups slices by their ports ({@code PortMapKey}): a sorted list in a fixed order, "" and no name alike. */
  record PortMapKey(List<String> ports) {

    static PortMapKey of(List<EndpointPort> ports) {
      List<String> keys = new ArrayList<>();
      for (EndpointPort p : ports == null ? List.<EndpointPort>of() : ports) {
        keys.add(Objects.requireNonNullElse(p.getName(), "") + "/" + p.getPort() + "/" + p.getProtocol() + "/"
            + Objects.requireNonNullElse(p.getAppProtocol(), ""));
      }
      keys.sort(Comparator.naturalOrder());
      return new PortMapKey(keys);
    }
  }

  static final Comparator<EndpointPort> PORT_ORDER = Comparator
      .comparing((EndpointPort p) -> Objects.requireNonNullElse(p.getName(), ""))
      .thenComparing(p -> p.getPort() == null ? 0 : p.getPort())
      .thenComparing(p -> Objects.requireNonNullElse(p.getProtocol(), ""));
}
