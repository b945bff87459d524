package io.kube4j.apiserver.printers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One row of a {@link Table} ({@code metav1.TableRow}).
 *
 * @param cells      one value per column definition, in order: {@link String}, {@link Long} or
 *                   {@link Boolean}, exactly the Go types upstream puts there
 * @param conditions row conditions; omitted from JSON when empty
 * @param object     the {@code runtime.RawExtension}: a {@code PartialObjectMetadata}, the full object,
 *                   or {@code null} for {@code includeObject=None}, which Go encodes as {@code null}
 */
@JsonPropertyOrder({"cells", "conditions", "object"})
public record TableRow(
    @JsonInclude(JsonInclude.Include.ALWAYS) List<Object> cells,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TableRowCondition> conditions,
    @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode object) {

  public TableRow {
    cells = List.copyOf(cells);
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
  }
}
