package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import java.time.Instant;
import java.util.List;

/** {@code kubectl get replicasets}: NAME DESIRED CURRENT READY AGE | CONTAINERS IMAGES SELECTOR. */
final class ReplicaSetPrinter implements TablePrinter<ReplicaSet> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.integer("Desired", "Replicas is the number of desired replicas. This is a pointer to distinguish"
          + " between explicit zero and unspecified. Defaults to 1."),
      Columns.integer("Current", "Replicas is the most recently observed number of replicas."),
      Columns.integer("Ready", "The number of ready replicas for this replica set."),
      Columns.age(),
      Columns.wideContainers(),
      Columns.wideImages(),
      Columns.wide("Selector", "Selector is a label query over pods that should match the replica count."));

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(ReplicaSet rs, Instant now) {
    ReplicaSetSpec spec = rs.getSpec() == null ? new ReplicaSetSpec() : rs.getSpec();
    ReplicaSetStatus status = rs.getStatus() == null ? new ReplicaSetStatus() : rs.getStatus();
    List<Container> containers = Formats.templateContainers(spec.getTemplate());
    return List.of(
        Formats.name(rs),
        Formats.replicas(spec.getReplicas()),
        Formats.orZero(status.getReplicas()),
        Formats.orZero(status.getReadyReplicas()),
        Formats.age(rs, now),
        Formats.containerNames(containers),
        Formats.containerImages(containers),
        Formats.formatLabelSelector(spec.getSelector()));
  }
}
