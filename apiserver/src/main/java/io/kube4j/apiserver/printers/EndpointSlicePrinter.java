package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Formats.orEmpty;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl get endpointslices}: NAME ADDRESSTYPE PORTS ENDPOINTS AGE. PORTS and ENDPOINTS each list
 * up to three entries then {@code + N more...}, or {@code <unset>}; a port without a number shows its
 * name, or {@code *} ({@code formatDiscoveryPorts}, {@code formatDiscoveryEndpoints}).
 */
final class EndpointSlicePrinter implements TablePrinter<EndpointSlice> {

  private static final int MAX = 3;

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("AddressType", "addressType specifies the type of address carried by this EndpointSlice."),
      Columns.string("Ports", "ports specifies the list of network ports exposed by each endpoint in this"
          + " slice."),
      Columns.string("Endpoints", "endpoints is a list of unique endpoints in this slice."),
      Columns.age());

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(EndpointSlice slice, Instant now) {
    List<String> ports = new ArrayList<>();
    for (EndpointPort p : orEmpty(slice.getPorts())) {
      ports.add(p.getPort() != null ? p.getPort().toString() : p.getName() != null ? p.getName() : "*");
    }
    List<String> addresses = new ArrayList<>();
    for (Endpoint e : orEmpty(slice.getEndpoints())) {
      addresses.addAll(orEmpty(e.getAddresses()));
    }
    return List.of(Formats.name(slice), orEmpty(slice.getAddressType()), Formats.listWithMore(ports, MAX),
        Formats.listWithMore(addresses, MAX), Formats.age(slice, now));
  }
}
