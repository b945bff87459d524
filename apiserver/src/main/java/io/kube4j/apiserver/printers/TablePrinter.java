package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.List;

/**
 * Turns objects of one kind into table cells: the Java side of one {@code TableHandler(columns, printX)}
 * registration in {@code pkg/printers/internalversion/printers.go}.
 *
 * <p>The apiserver always prints "wide" ({@code GenerateOptions{Wide: true}} in
 * {@code pkg/printers/storage}), so {@link #cells} returns a value for every column, priority 0 and
 * higher; kubectl drops the priority-1 ones unless {@code -o wide}.
 *
 * <p>Implementations are stateless and never read the clock: every age is measured against
 * {@code now}.
 */
public interface TablePrinter<T extends HasMetadata> {

  /** The columns, in order; the same list for every object. */
  List<TableColumnDefinition> columns();

  /**
   * One cell per {@link #columns() column}: a {@link String}, {@link Long} or {@link Boolean}, formatted
   * exactly as kubectl shows it for Kubernetes.
   */
  List<Object> cells(T obj, Instant now);

  /** Row conditions (pods set {@code Completed}); none by default. */
  default List<TableRowCondition> conditions(T obj) {
    return List.of();
  }
}
