package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import java.util.List;

/**
 * {@code kubectl get secrets}: NAME TYPE DATA AGE. DATA counts {@code data} keys only: the apiserver has
 * already merged the write-only {@code stringData} into {@code data} when the secret was stored.
 */
final class SecretPrinter implements TablePrinter<Secret> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Type", "Used to facilitate programmatic handling of secret data."),
      Columns.string("Data", "Data contains the secret data. Each key must consist of alphanumeric"
          + " characters, '-', '_' or '.'."),
      Columns.age());

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Secret secret, Instant now) {
    return List.of(Formats.name(secret), Formats.orEmpty(secret.getType()),
        (long) Formats.orEmpty(secret.getData()).size(), Formats.age(secret, now));
  }
}
