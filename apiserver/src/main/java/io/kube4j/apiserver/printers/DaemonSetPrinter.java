package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code kubectl get daemonsets}: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE |
 * CONTAINERS IMAGES SELECTOR. The counts are nodes, not pods.
 */
final class DaemonSetPrinter implements TablePrinter<DaemonSet> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.integer("Desired", "The total number of nodes that should be running the daemon pod (including"
          + " nodes correctly running the daemon pod)."),
      Columns.integer("Current", "The number of nodes that are running at least 1 daemon pod and are supposed"
          + " to run the daemon pod."),
      Columns.integer("Ready", "The number of nodes that should be running the daemon pod and have one or more"
          + " of the daemon pod running and ready."),
      Columns.integer("Up-to-date", "The total number of nodes that are running updated daemon pod"),
      Columns.integer("Available", "The number of nodes that should be running the daemon pod and have one or"
          + " more of the daemon pod running and available (ready for at least spec.minReadySeconds)"),
      Columns.string("Node Selector", "NodeSelector is a selector which must be true for the pod to fit on a"
          + " node."),
      Columns.age(),
      Columns.wideContainers(),
      Columns.wideImages(),
      Columns.wide("Selector", "A label query over pods that are managed by the daemon set."));

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(DaemonSet ds, Instant now) {
    DaemonSetSpec spec = ds.getSpec() == null ? new DaemonSetSpec() : ds.getSpec();
    DaemonSetStatus status = ds.getStatus() == null ? new DaemonSetStatus() : ds.getStatus();
    List<Container> containers = Formats.templateContainers(spec.getTemplate());
    Map<String, String> nodeSelector = spec.getTemplate() == null || spec.getTemplate().getSpec() == null
        ? Map.of() : spec.getTemplate().getSpec().getNodeSelector();
    return List.of(
        Formats.name(ds),
        Formats.orZero(status.getDesiredNumberScheduled()),
        Formats.orZero(status.getCurrentNumberScheduled()),
        Formats.orZero(status.getNumberReady()),
        Formats.orZero(status.getUpdatedNumberScheduled()),
        Formats.orZero(status.getNumberAvailable()),
        Formats.formatLabels(nodeSelector),
        Formats.age(ds, now),
        Formats.containerNames(containers),
        Formats.containerImages(containers),
        Formats.formatLabelSelector(spec.getSelector()));
  }
}
