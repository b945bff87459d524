package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Formats.orEmpty;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl get endpoints}: NAME ENDPOINTS AGE. ENDPOINTS ({@code formatEndpoints}) lists up to
 * three {@code ip:port} pairs, one per address and port, then {@code + N more...}; {@code <none>}
 * when there are no subsets.
 */
final class EndpointsPrinter implements TablePrinter<Endpoints> {

  private static final int MAX = 3;

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Endpoints", "The set of all endpoints is the union of all subsets."),
      Columns.age());

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Endpoints ep, Instant now) {
    return List.of(Formats.name(ep), formatEndpoints(orEmpty(ep.getSubsets())), Formats.age(ep, now));
  }

  static String formatEndpoints(List<EndpointSubset> subsets) {
    if (subsets.isEmpty()) {
      return Formats.NONE;
    }
    List<String> all = new ArrayList<>();
    for (EndpointSubset ss : subsets) {
      List<EndpointAddress> addresses = orEmpty(ss.getAddresses());
      if (orEmpty(ss.getPorts()).isEmpty()) {
        // headless services may have no ports: the bare IPs are listed
        addresses.forEach(a -> all.add(orEmpty(a.getIp())));
        continue;
      }
      for (EndpointPort port : ss.getPorts()) {
        addresses.forEach(a -> all.add(Formats.joinHostPort(orEmpty(a.getIp()), Formats.orZero(port.getPort()))));
      }
    }
    if (all.size() > MAX) {
      return String.join(",", all.subList(0, MAX)) + " + " + (all.size() - MAX) + " more...";
    }
    return String.join(",", all); // subsets without addresses print an empty cell, as upstream
  }
}
