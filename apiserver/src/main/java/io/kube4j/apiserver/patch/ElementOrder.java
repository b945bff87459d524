package io.kube4j.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a merged list. Precedence, highest first: {@code $setElementOrder}, the order of the
 * patch list, the order of the live list; elements only the server has keep their place relative to
 * their neighbours. Mirrors {@code normalizeElementOrder} and its helpers in upstream's {@code patch.go}
 * (see the design note "preserve-order-in-strategic-merge-patch").
 *
 * <p>Worked example: live {@code [a b c]}, patch {@code [b d]} (b changed, d new). Patch items sorted by
 * the patch: {@code [b d]}; server-only items sorted by the live list: {@code [a c]}. Merging them:
 * a before b (both live, a first), then c vs b: b first; c vs d: d is not live, the patch item goes first;
 * result {@code [a b d c]}.
 */
final class ElementOrder {

  private ElementOrder() {}

  /** Elements are objects identified by {@code mergeKey}, or scalars compared whole. */
  enum Kind { MAPS, SCALARS }

  static List<JsonNode> normalize(List<JsonNode> patchItems, List<JsonNode> serverOnly, List<JsonNode> patchOrder,
      List<JsonNode> serverOrder, String mergeKey, Kind kind) {
    List<JsonNode> patch = sortBy(patchItems, patchOrder, mergeKey, kind);
    List<JsonNode> server = sortBy(serverOnly, serverOrder, mergeKey, kind);
    return mergeSorted(server, patch, serverOrder, mergeKey, kind);
  }

  /**
   * {@code normalizeSliceOrder}: a stable sort of {@code toSort} by position in {@code order}. Upstream
   * only ever sorts elements that are all in {@code order}; here any that are not go last. Elements
   * that are {@code $patch: delete} directives go last too.
   */
  static List<JsonNode> sortBy(List<JsonNode> toSort, List<JsonNode> order, String mergeKey, Kind kind) {
    List<JsonNode> sorted = new ArrayList<>();
    List<JsonNode> deletes = new ArrayList<>();
    if (kind == Kind.MAPS) {
      validateMergeKey(mergeKey, toSort);
      validateMergeKey(mergeKey, order);
      for (JsonNode v : toSort) {
        (isDeleteDirective(v) ? deletes : sorted).add(v);
      }
    } else {
      sorted.addAll(toSort);
    }
    sorted.sort(Comparator.comparingInt(v -> {
      int i = index(order, v, mergeKey, kind);
      return i < 0 ? Integer.MAX_VALUE : i;
    }));
    sorted.addAll(deletes);
    return sorted;
  }

  /**
   * {@code mergeSortedSlice}: interleaves server-only elements ({@code left}) into patch elements
   * ({@code right}), keeping each list's own order; a left element goes first only when both are in
   * the live list and it comes earlier there.
   */
  static List<JsonNode> mergeSorted(List<JsonNode> left, List<JsonNode> right, List<JsonNode> serverOrder,
      String mergeKey, Kind kind) {
    List<JsonNode> out = new ArrayList<>(left.size() + right.size());
    int i = 0;
    int j = 0;
    while (i < left.size() || j < right.size()) {
      if (i >= left.size()) {
        out.add(right.get(j++));
      } else if (j >= right.size()) {
        out.add(left.get(i++));
      } else {
        int li = index(serverOrder, left.get(i), mergeKey, kind);
        int ri = index(serverOrder, right.get(j), mergeKey, kind);
        if (li >= 0 && ri >= 0 && li < ri) {
          out.add(left.get(i++));
        } else {
          out.add(right.get(j++));
        }
      }
    }
    return out;
  }

  /** Position of {@code value} in {@code list}, by merge key for maps and by value for scalars; -1 if absent. */
  static int index(List<JsonNode> list, JsonNode value, String mergeKey, Kind kind) {
    JsonNode wanted = keyOf(value, mergeKey, kind);
    for (int i = 0; i < list.size(); i++) {
      if (GoValues.equal(wanted, keyOf(list.get(i), mergeKey, kind))) {
        return i;
      }
    }
    return -1;
  }

  /** Splits {@code merged} into the elements {@code partitionBy} names and the rest ({@code partitionMapsByPresentInList}). */
  static Partition partition(List<JsonNode> merged, List<JsonNode> partitionBy, String mergeKey) {
    Partition p = new Partition(new ArrayList<>(), new ArrayList<>());
    for (JsonNode v : merged) {
      boolean present;
      if (mergeKey.isEmpty()) {
        present = partitionBy.stream().anyMatch(o -> GoValues.equal(o, v));
      } else {
        if (!v.isObject()) {
          throw StrategicMergePatchException.badArgType(GoValues.MAP, v);
        }
        JsonNode key = v.get(mergeKey);
        if (key == null) {
          throw StrategicMergePatchException.noMergeKey(v, mergeKey);
        }
        present = StrategicMergePatch.findByMergeKey(partitionBy, mergeKey, key) >= 0;
      }
      (present ? p.inList() : p.notInList()).add(v);
    }
    return p;
  }

  record Partition(List<JsonNode> inList, List<JsonNode> notInList) {}

  static boolean isDeleteDirective(JsonNode v) {
    JsonNode directive = v.get(StrategicMergePatch.DIRECTIVE_MARKER);
    return directive != null && StrategicMergePatch.DELETE_DIRECTIVE.equals(directive.textValue());
  }

  private static JsonNode keyOf(JsonNode item, String mergeKey, Kind kind) {
    if (kind == Kind.SCALARS) {
      return item;
    }
    return item.isObject() ? item.get(mergeKey) : null;
  }

  /** {@code validateMergeKeyInLists}. */
  private static void validateMergeKey(String mergeKey, List<JsonNode> list) {
    for (JsonNode item : list) {
      if (!item.isObject()) {
        throw StrategicMergePatchException.badArgType(GoValues.MAP, item);
      }
      if (item.get(mergeKey) == null) {
        throw StrategicMergePatchException.noMergeKey(item, mergeKey);
      }
    }
  }
}
