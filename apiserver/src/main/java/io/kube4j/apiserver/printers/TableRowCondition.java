package io.kube4j.apiserver.printers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A condition of one {@link TableRow} ({@code metav1.TableRowCondition}). The only type upstream sets
 * is {@code Completed}, on pods that {@code Succeeded} or {@code Failed}; kubectl hides such rows
 * unless asked with {@code --show-all} in old versions.
 */
@JsonPropertyOrder({"type", "status", "reason", "message"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TableRowCondition(String type, String status, String reason, String message) {

  /** {@code metav1.RowCompleted}: the object this row represents has reached a completed state. */
  public static final String ROW_COMPLETED = "Completed";
}
