package io.kube4j.apiserver.printers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One column of a {@link Table} ({@code metav1.TableColumnDefinition}). Every field is always written,
 * as upstream (no {@code omitempty}).
 *
 * @param name        the header kubectl upper-cases ({@code Ready} → {@code READY})
 * @param type        an OpenAPI type: {@code string}, {@code integer}, {@code number}, {@code boolean},
 *                    {@code date}
 * @param format      an OpenAPI format hint; {@code name} marks the column kubectl prefixes with
 *                    {@code kind/} when printing several kinds
 * @param description a human-readable description of the column
 * @param priority    0 = always shown; higher = only with {@code -o wide}
 */
@JsonPropertyOrder({"name", "type", "format", "description", "priority"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TableColumnDefinition(String name, String type, String format, String description, int priority) {

  public TableColumnDefinition {
    format = format == null ? "" : format;
    description = description == null ? "" : description;
  }
}
