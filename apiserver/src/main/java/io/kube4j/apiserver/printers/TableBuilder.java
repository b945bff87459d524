package io.kube4j.apiserver.printers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link Table} for a list, a single object, or one watch event: what
 * {@code printers.GenerateTable} and {@code handlers/response.go asTable} do together upstream.
 *
 * <ul>
 *   <li>Rows come from the printer; cells are checked to match the columns one to one.</li>
 *   <li>Each row's {@code object} follows {@link IncludeObject}: for {@code METADATA} a
 *       {@code {"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":{…}}} with the
 *       object's full metadata (kubectl builds NAMESPACE, LABELS and {@code -L} columns from it).</li>
 *   <li>Without column definitions ({@code withColumnDefinitions == false}, every watch event after the
 *       first) the JSON carries {@code "columnDefinitions":null}, as upstream's {@code NoHeaders}.</li>
 * </ul>
 *
 * <p>Objects are converted with the {@link ObjectMapper} given, so they serialise as the rest of the
 * apiserver writes them.
 */
public final class TableBuilder {

  static final String PARTIAL_OBJECT_METADATA = "PartialObjectMetadata";

  private final ObjectMapper mapper;

  public TableBuilder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * A table of {@code objects} (possibly one, possibly none), without {@code remainingItemCount}.
   *
   * @param resourceVersion the list's resourceVersion, or the object's for a GET or a watch event;
   *                        {@code null} for none
   * @param continueToken   the list's {@code continue} token; {@code null} or empty for the last page
   */
  public <T extends HasMetadata> Table build(TablePrinter<? super T> printer, List<T> objects, IncludeObject include,
      Instant now, String resourceVersion, String continueToken, boolean withColumnDefinitions) {
    return build(printer, objects, include, now, new Table.ListMeta(resourceVersion, continueToken, null),
        withColumnDefinitions);
  }

  /** A table of {@code objects} with the given list metadata (including {@code remainingItemCount}). */
  public <T extends HasMetadata> Table build(TablePrinter<? super T> printer, List<T> objects, IncludeObject include,
      Instant now, Table.ListMeta listMeta, boolean withColumnDefinitions) {
    List<TableColumnDefinition> columns = printer.columns();
    List<TableRow> rows = new ArrayList<>(objects.size());
    for (T obj : objects) {
      List<Object> cells = printer.cells(obj, now);
      if (cells.size() != columns.size()) {
        throw new IllegalStateException(printer.getClass().getSimpleName() + " printed " + cells.size()
            + " cells for " + columns.size() + " columns");
      }
      rows.add(new TableRow(cells, printer.conditions(obj), rowObject(obj, include)));
    }
    return Table.of(listMeta, withColumnDefinitions ? columns : null, rows);
  }

  private JsonNode rowObject(HasMetadata obj, IncludeObject include) {
    return switch (include) {
      case NONE -> null;
      case OBJECT -> mapper.valueToTree(obj);
      case METADATA -> partialObjectMetadata(obj);
    };
  }

  /** {@code meta.AsPartialObjectMetadata}: the full metadata under a {@code PartialObjectMetadata} kind. */
  private ObjectNode partialObjectMetadata(HasMetadata obj) {
    ObjectNode partial = mapper.createObjectNode();
    partial.put("kind", PARTIAL_OBJECT_METADATA);
    partial.put("apiVersion", Table.API_VERSION);
    partial.set("metadata",
        obj.getMetadata() == null ? mapper.createObjectNode() : mapper.valueToTree(obj.getMetadata()));
    return partial;
  }
}
