package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerSpec;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import java.time.Instant;
import java.util.List;

/**
 * {@code kubectl get replicationcontrollers}: NAME DESIRED CURRENT READY AGE | CONTAINERS IMAGES SELECTOR;
 * SELECTOR is the plain label map ({@code app=web}), as RCs have no set-based selectors.
 */
final class ReplicationControllerPrinter implements TablePrinter<ReplicationController> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.integer("Desired", "Replicas is the number of desired replicas. This is a pointer to distinguish"
          + " between explicit zero and unspecified. Defaults to 1."),
      Columns.integer("Current", "Replicas is the most recently observed number of replicas."),
      Columns.integer("Ready", "The number of ready replicas for this replication controller."),
      Columns.age(),
      Columns.wideContainers(),
      Columns.wideImages(),
      Columns.wide("Selector", "Selector is a label query over pods that should match the Replicas count."));

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(ReplicationController rc, Instant now) {
    ReplicationControllerSpec spec = rc.getSpec() == null ? new ReplicationControllerSpec() : rc.getSpec();
    ReplicationControllerStatus status = rc.getStatus() == null ? new ReplicationControllerStatus() : rc.getStatus();
    List<Container> containers = Formats.templateContainers(spec.getTemplate());
    return List.of(
        Formats.name(rc),
        Formats.replicas(spec.getReplicas()),
        Formats.orZero(status.getReplicas()),
        Formats.orZero(status.getReadyReplicas()),
        Formats.age(rc, now),
        Formats.containerNames(containers),
        Formats.containerImages(containers),
        Formats.formatLabels(spec.getSelector()));
  }
}
