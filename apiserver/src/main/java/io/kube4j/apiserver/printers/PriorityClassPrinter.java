package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.time.Instant;
import java.util.List;

/** {@code kubectl get priorityclasses}: NAME VALUE GLOBAL-DEFAULT AGE | PREEMPTIONPOLICY. */
final class PriorityClassPrinter implements TablePrinter<PriorityClass> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.integer("Value", "value represents the integer value of this priority class."),
      Columns.bool("Global-Default", "globalDefault specifies whether this PriorityClass should be considered"
          + " as the default priority for pods that do not have any priority class."),
      Columns.age(),
      // upstream declares it without Priority: 1 but fills it only in wide mode; the server is always wide
      Columns.string("PreemptionPolicy", "preemptionPolicy is the Policy for preempting pods with lower"
          + " priority."));

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(PriorityClass pc, Instant now) {
    return List.of(
        Formats.name(pc),
        Formats.orZero(pc.getValue()),
        Formats.isTrue(pc.getGlobalDefault()),
        Formats.age(pc, now),
        Formats.orEmpty(pc.getPreemptionPolicy()));
  }
}
