package io.kube4j.apiserver.openapi;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operations on one URL path, keyed by lower-case HTTP method, plus the parameters they share
 * ({@code name}, {@code namespace}, {@code pretty}).
 */
final class PathItem {

  private final Map<String, Operation> operations = new TreeMap<>();
  private final List<Operation.Parameter> parameters = new ArrayList<>();

  PathItem(List<Operation.Parameter> shared) {
    parameters.addAll(shared);
  }

  void put(String method, Operation operation) {
    operations.put(method, operation);
  }

  /**
   * Moves the parameters of a lone operation up to the path, as upstream writes single-operation
   * paths (watch, cluster-wide list, log, binding).
   */
  void hoistLoneOperationParameters() {
    if (operations.size() != 1) return;
    Map.Entry<String, Operation> only = operations.entrySet().iterator().next();
    if (only.getValue().parameters() == null) return;
    parameters.addAll(only.getValue().parameters());
    only.setValue(only.getValue().withParameters(null));
  }

  @JsonAnyGetter
  Map<String, Operation> operations() {
    return operations;
  }

  @JsonProperty("parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<Operation.Parameter> parameters() {
    List<Operation.Parameter> sorted = new ArrayList<>(parameters);
    sorted.sort(Comparator.comparing(Operation.Parameter::name).thenComparing(Operation.Parameter::in));
    return sorted;
  }
}
