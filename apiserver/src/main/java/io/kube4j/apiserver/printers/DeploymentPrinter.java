package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Instant;
import java.util.List;

/**
 * {@code kubectl get deployments}: NAME READY UP-TO-DATE AVAILABLE AGE | CONTAINERS IMAGES SELECTOR.
 * READY is {@code readyReplicas/spec.replicas}, e.g. {@code 2/3} while one pod is still starting.
 * SELECTOR is the selector's string form, empty for an empty selector (unlike ReplicaSets, which print
 * {@code <none>}) and {@code <invalid>} for a malformed one.
 */
final class DeploymentPrinter implements TablePrinter<Deployment> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Ready", "Number of the pod with ready state"),
      Columns.string("Up-to-date", "Total number of non-terminated pods targeted by this deployment that have"
          + " the desired template spec."),
      Columns.string("Available", "Total number of available pods (ready for at least minReadySeconds)"
          + " targeted by this deployment."),
      Columns.age(),
      Columns.wideContainers(),
      Columns.wideImages(),
      Columns.wide("Selector", "Label selector for pods. Existing ReplicaSets whose pods are selected by this"
          + " will be the ones affected by this deployment."));

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Deployment d, Instant now) {
    DeploymentSpec spec = d.getSpec() == null ? new DeploymentSpec() : d.getSpec();
    DeploymentStatus status = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    List<Container> containers = Formats.templateContainers(spec.getTemplate());
    return List.of(
        Formats.name(d),
        Formats.orZero(status.getReadyReplicas()) + "/" + Formats.replicas(spec.getReplicas()),
        Formats.orZero(status.getUpdatedReplicas()),
        Formats.orZero(status.getAvailableReplicas()),
        Formats.age(d, now),
        Formats.containerNames(containers),
        Formats.containerImages(containers),
        Formats.selectorString(spec.getSelector()).orElse("<invalid>"));
  }
}
