package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.time.Instant;
import java.util.List;

/** {@code kubectl get serviceaccounts}: NAME SECRETS AGE ({@code 0} since token secrets stopped being auto-created). */
final class ServiceAccountPrinter implements TablePrinter<ServiceAccount> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Secrets", "Secrets is a list of the secrets in the same namespace that pods running using"
          + " this ServiceAccount are allowed to use."),
      Columns.age());

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(ServiceAccount sa, Instant now) {
    return List.of(Formats.name(sa), (long) Formats.orEmpty(sa.getSecrets()).size(), Formats.age(sa, now));
  }
}
