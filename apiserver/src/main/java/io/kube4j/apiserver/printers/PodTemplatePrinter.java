package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code kubectl get podtemplates}: NAME CONTAINERS IMAGES POD LABELS (upstream prints no AGE here). */
final class PodTemplatePrinter implements TablePrinter<PodTemplate> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Containers", Columns.CONTAINERS_DESCRIPTION),
      Columns.string("Images", Columns.IMAGES_DESCRIPTION),
      Columns.string("Pod Labels", "The labels for the pod template."));

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(PodTemplate pt, Instant now) {
    List<Container> containers = List.of();
    Map<String, String> labels = Map.of();
    if (pt.getTemplate() != null) {
      if (pt.getTemplate().getSpec() != null) {
        containers = Formats.orEmpty(pt.getTemplate().getSpec().getContainers());
      }
      if (pt.getTemplate().getMetadata() != null) {
        labels = pt.getTemplate().getMetadata().getLabels();
      }
    }
    return List.of(Formats.name(pt), Formats.containerNames(containers), Formats.containerImages(containers),
        Formats.formatLabels(labels));
  }
}
