package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import java.time.Instant;
import java.util.List;

/** {@code kubectl get statefulsets}: NAME READY AGE | CONTAINERS IMAGES, READY being {@code ready/desired}. */
final class StatefulSetPrinter implements TablePrinter<StatefulSet> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Ready", "Number of the pod with ready state"),
      Columns.age(),
      Columns.wideContainers(),
      Columns.wideImages());

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(StatefulSet sts, Instant now) {
    StatefulSetSpec spec = sts.getSpec() == null ? new StatefulSetSpec() : sts.getSpec();
    long ready = sts.getStatus() == null ? 0 : Formats.orZero(sts.getStatus().getReadyReplicas());
    List<Container> containers = Formats.templateContainers(spec.getTemplate());
    return List.of(
        Formats.name(sts),
        ready + "/" + Formats.replicas(spec.getReplicas()),
        Formats.age(sts, now),
        Formats.containerNames(containers),
        Formats.containerImages(containers));
  }
}
