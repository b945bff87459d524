package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The printer for kinds without one of their own (limitranges, custom resources without printer
 * columns, ...): NAME and CREATED AT, read from {@code metadata} alone. A port of
 * {@code defaultTableConvertor} in {@code k8s.io/apiserver/pkg/registry/rest/table.go}.
 *
 * <p>CREATED AT is a {@code date} column holding the RFC 3339 time in UTC with whole seconds
 * ({@code 2024-05-01T10:00:00Z}); kubectl turns it into an age. An unset timestamp prints Go's zero
 * time, {@code 0001-01-01T00:00:00Z}.
 */
final class ObjectMetaTablePrinter implements TablePrinter<HasMetadata> {

  private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      new TableColumnDefinition("Created At", Columns.DATE, "", Columns.CREATION_TIMESTAMP_DESCRIPTION, 0));

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(HasMetadata obj, Instant now) {
    String created = obj.getMetadata() == null ? null : obj.getMetadata().getCreationTimestamp();
    Instant t = Formats.parseTime(created).orElse(GO_ZERO_TIME);
    return List.of(Formats.name(obj), t.truncatedTo(ChronoUnit.SECONDS).toString());
  }
}
