package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.time.Instant;
import java.util.List;

/** {@code kubectl get configmaps}: NAME DATA AGE, DATA counting {@code data} and {@code binaryData} keys. */
final class ConfigMapPrinter implements TablePrinter<ConfigMap> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Data", "Data contains the configuration data. Each key must consist of alphanumeric"
          + " characters, '-', '_' or '.'."),
      Columns.age());

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(ConfigMap cm, Instant now) {
    long keys = Formats.orEmpty(cm.getData()).size() + Formats.orEmpty(cm.getBinaryData()).size();
    return List.of(Formats.name(cm), keys, Formats.age(cm, now));
  }
}
