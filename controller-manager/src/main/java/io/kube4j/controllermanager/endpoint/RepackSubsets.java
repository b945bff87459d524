package io.kube4j.controllermanager.endpoint;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code RepackSubsets} and {@code SortSubsets} ({@code pkg/api/v1/endpoints/util.go}): the canonical
 * form of Endpoints subsets. Subsets are expanded to (address, port, ready) facts, addresses are
 * de-duplicated by IP and target UID, and every set of addresses that offers the same ports becomes
 * one subset. Worked example:
 *
 * <pre>
 *   in:  {a:[p1]} {a:[p2]} {b:[p1]} {b:[p2]} {c:[p1]}       (address:[ports], c not ready)
 *   p1 → {a, b, c(not ready)}    p2 → {a, b}
 *   out: {addresses:[a,b] notReadyAddresses:[c] ports:[p1]}  {addresses:[a,b] ports:[p2]}
 * </pre>
 *
 * An address that is ready for a port in one subset and not ready in another counts as not ready for
 * it. Addresses are sorted by IP then UID, ports by name then number then protocol, subsets by their
 * first port: the same facts always give the same bytes. (Upstream sorts ports and subsets by an MD5
 * of their dump; any fixed total order gives the stability, this one is readable.)
 */
final class RepackSubsets {

  /** The port key of addresses offered without ports (a headless Service without ports). */
  private static final PortKey NO_PORT = new PortKey(null, -1, null, null);

  /** An {@code EndpointPort} as a map key. */
  private record PortKey(String name, int port, String protocol, String appProtocol) {

    static PortKey of(EndpointPort p) {
      return new PortKey(p.getName() == null || p.getName().isEmpty() ? null : p.getName(),
          p.getPort() == null ? 0 : p.getPort(), p.getProtocol(), p.getAppProtocol());
    }

    EndpointPort toPort() {
      return new EndpointPortBuilder().withName(name).withPort(port).withProtocol(protocol)
          .withAppProtocol(appProtocol).build();
    }
  }

  /** Addresses are the same endpoint when IP and target UID agree ({@code addressKey}). */
  private record AddressKey(String ip, String uid) {}

  static final Comparator<EndpointPort> PORT_ORDER = Comparator
      .comparing((EndpointPort p) -> Objects.requireNonNullElse(p.getName(), ""))
      .thenComparing(p -> p.getPort() == null ? 0 : p.getPort())
      .thenComparing(p -> Objects.requireNonNullElse(p.getProtocol(), ""))
      .thenComparing(p -> Objects.requireNonNullElse(p.getAppProtocol(), ""));

  private static final Comparator<EndpointSubset> SUBSET_ORDER = (a, b) -> {
    int byPorts = compareLists(a.getPorts(), b.getPorts(), PORT_ORDER);
    if (byPorts != 0) {
      return byPorts;
    }
    int byReady = compareLists(a.getAddresses(), b.getAddresses(), EndpointSubsets.BY_IP_AND_UID);
    return byReady != 0 ? byReady
        : compareLists(a.getNotReadyAddresses(), b.getNotReadyAddresses(), EndpointSubsets.BY_IP_AND_UID);
  };

  private RepackSubsets() {}

  static List<EndpointSubset> repack(List<EndpointSubset> subsets) {
    // 1. each port → the addresses offering it, with their readiness
    Map<AddressKey, EndpointAddress> allAddresses = new HashMap<>();
    Map<PortKey, Map<AddressKey, Boolean>> readinessByPort = new LinkedHashMap<>();
    for (EndpointSubset s : subsets) {
      List<PortKey> ports = s.getPorts() == null || s.getPorts().isEmpty() ? List.of(NO_PORT)
          : s.getPorts().stream().map(PortKey::of).toList();
      for (PortKey port : ports) {
        for (EndpointAddress a : orEmpty(s.getAddresses())) {
          mapAddressByPort(a, port, true, allAddresses, readinessByPort);
        }
        for (EndpointAddress a : orEmpty(s.getNotReadyAddresses())) {
          mapAddressByPort(a, port, false, allAddresses, readinessByPort);
        }
      }
    }
    // 2. each distinct set of (address, readiness) → the ports it offers
    Map<Map<AddressKey, Boolean>, List<PortKey>> portsByAddressSet = new LinkedHashMap<>();
    readinessByPort.forEach((port, addresses) -> {
      List<PortKey> ports = portsByAddressSet.computeIfAbsent(addresses, k -> new ArrayList<>());
      if (port != NO_PORT) {
        ports.add(port);
      }
    });
    // 3. one subset per address set, sorted
    List<EndpointSubset> result = new ArrayList<>();
    portsByAddressSet.forEach((addresses, ports) -> {
      List<EndpointAddress> ready = new ArrayList<>();
      List<EndpointAddress> notReady = new ArrayList<>();
      addresses.forEach((key, isReady) -> (isReady ? ready : notReady).add(copy(allAddresses.get(key))));
      ready.sort(EndpointSubsets.BY_IP_AND_UID);
      notReady.sort(EndpointSubsets.BY_IP_AND_UID);
      List<EndpointPort> endpointPorts = new ArrayList<>(ports.stream().map(PortKey::toPort).toList());
      endpointPorts.sort(PORT_ORDER);
      EndpointSubset subset = new EndpointSubset();
      subset.setAddresses(ready);
      subset.setNotReadyAddresses(notReady);
      subset.setPorts(endpointPorts);
      result.add(subset);
    });
    result.sort(SUBSET_ORDER);
    return result;
  }

  /** Not ready wins: an address once recorded not ready for a port stays so. */
  private static void mapAddressByPort(EndpointAddress address, PortKey port, boolean ready,
      Map<AddressKey, EndpointAddress> allAddresses, Map<PortKey, Map<AddressKey, Boolean>> readinessByPort) {
    AddressKey key = new AddressKey(address.getIp(),
        address.getTargetRef() == null ? null : address.getTargetRef().getUid());
    allAddresses.putIfAbsent(key, address);
    readinessByPort.computeIfAbsent(port, p -> new HashMap<>()).merge(key, ready, Boolean::logicalAnd);
  }

  private static EndpointAddress copy(EndpointAddress a) {
    return new EndpointAddressBuilder(a).build();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <T> int compareLists(List<T> a, List<T> b, Comparator<T> order) {
    List<T> x = orEmpty(a);
    List<T> y = orEmpty(b);
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      int c = order.compare(x.get(i), y.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }
}
