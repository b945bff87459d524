package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.Namespace;
import java.time.Instant;
import java.util.List;

/** {@code kubectl get namespaces}: NAME STATUS AGE, STATUS being {@code Active} or {@code Terminating}. */
final class NamespacePrinter implements TablePrinter<Namespace> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(), Columns.string("Status", "The status of the namespace"), Columns.age());

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Namespace ns, Instant now) {
    String phase = ns.getStatus() == null ? "" : Formats.orEmpty(ns.getStatus().getPhase());
    return List.of(Formats.name(ns), phase, Formats.age(ns, now));
  }
}
