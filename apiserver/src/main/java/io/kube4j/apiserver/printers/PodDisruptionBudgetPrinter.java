package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import java.time.Instant;
import java.util.List;

/**
 * {@code kubectl get poddisruptionbudgets}: NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE; the
 * field that is not set prints {@code N/A}.
 */
final class PodDisruptionBudgetPrinter implements TablePrinter<PodDisruptionBudget> {

  private static final String NOT_APPLICABLE = "N/A";

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Min Available", "The minimum number of pods that must be available."),
      Columns.string("Max Unavailable", "The maximum number of pods that may be unavailable."),
      Columns.integer("Allowed Disruptions", "Calculated number of pods that may be disrupted at this time."),
      Columns.age());

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(PodDisruptionBudget pdb, Instant now) {
    PodDisruptionBudgetSpec spec = pdb.getSpec() == null ? new PodDisruptionBudgetSpec() : pdb.getSpec();
    return List.of(
        Formats.name(pdb),
        spec.getMinAvailable() == null ? NOT_APPLICABLE : Formats.intOrString(spec.getMinAvailable()),
        spec.getMaxUnavailable() == null ? NOT_APPLICABLE : Formats.intOrString(spec.getMaxUnavailable()),
        pdb.getStatus() == null ? 0L : Formats.orZero(pdb.getStatus().getDisruptionsAllowed()),
        Formats.age(pdb, now));
  }
}
