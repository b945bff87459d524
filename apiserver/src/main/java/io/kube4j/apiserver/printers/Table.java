package io.kube4j.apiserver.printers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code meta.k8s.io/v1 Table}: what the apiserver returns when a client sends
 * {@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io} (every {@code kubectl get}).
 *
 * <p>Fields and JSON names follow {@code metav1.Table} in {@code apimachinery/pkg/apis/meta/v1/types.go}.
 * {@code columnDefinitions} has no {@code omitempty} upstream: a watch event after the first one carries
 * {@code "columnDefinitions":null} and kubectl keeps the columns it already has.
 */
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "columnDefinitions", "rows"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Table(
    String kind,
    String apiVersion,
    ListMeta metadata,
    List<TableColumnDefinition> columnDefinitions,
    List<TableRow> rows) {

  public static final String KIND = "Table";
  public static final String API_VERSION = "meta.k8s.io/v1";

  /** A {@code meta.k8s.io/v1} Table; {@code columnDefinitions} may be {@code null} (no headers). */
  public static Table of(ListMeta metadata, List<TableColumnDefinition> columnDefinitions, List<TableRow> rows) {
    return new Table(KIND, API_VERSION, metadata, columnDefinitions == null ? null : List.copyOf(columnDefinitions),
        List.copyOf(rows));
  }

  /**
   * {@code metav1.ListMeta} of the table: the list's {@code resourceVersion} (a single object's for a
   * GET), the {@code continue} token kubectl follows with {@code --chunk-size}, and
   * {@code remainingItemCount}. Empty values are left out, as Go's {@code omitempty} does.
   */
  @JsonPropertyOrder({"resourceVersion", "continue", "remainingItemCount"})
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record ListMeta(
      String resourceVersion,
      @JsonProperty("continue") String continueToken,
      Long remainingItemCount) {

    public static ListMeta empty() {
      return new ListMeta(null, null, null);
    }
  }
}
