package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Instant;
import java.util.List;

/** {@code kubectl get leases}: NAME HOLDER AGE (node heartbeats in {@code kube-node-lease}, leader election). */
final class LeasePrinter implements TablePrinter<Lease> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Holder", "holderIdentity contains the identity of the holder of a current lease."),
      Columns.age());

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Lease lease, Instant now) {
    String holder = lease.getSpec() == null ? "" : Formats.orEmpty(lease.getSpec().getHolderIdentity());
    return List.of(Formats.name(lease), holder, Formats.age(lease, now));
  }
}
