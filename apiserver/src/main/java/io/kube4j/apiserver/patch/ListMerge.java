package io.kube4j.apiserver.patch;

import static io.kube4j.apiserver.patch.StrategicMergePatch.array;
import static io.kube4j.apiserver.patch.StrategicMergePatch.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.patch.ElementOrder.Kind;
import io.kube4j.apiserver.patch.ElementOrder.Partition;
import io.kube4j.apiserver.patch.LookupPatchMeta.Lookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The list half of a strategic merge patch: {@code mergeSlice} (merge by key, set union of scalars,
 * {@code $patch} list elements, {@code $deleteFromPrimitiveList}) and {@code mergePatchIntoOriginal}
 * ({@code $setElementOrder}), as in upstream's {@code patch.go}.
 */
final class ListMerge {

  private ListMerge() {}

  /** Lists tagged {@code merge} (and deletion lists) are merged; any other list is replaced by the patch's. */
  static ArrayNode mergeSliceHandler(ArrayNode original, ArrayNode patch, LookupPatchMeta elementSchema,
      String strategy, String mergeKey, boolean isDeleteList) {
    return mergeSliceHandler(original, patch, elementSchema, strategy, mergeKey, isDeleteList, null);
  }

  private static ArrayNode mergeSliceHandler(ArrayNode original, ArrayNode patch, LookupPatchMeta elementSchema,
      String strategy, String mergeKey, boolean isDeleteList, GoBackingArray live) {
    if (StrategicMergePatch.MERGE_DIRECTIVE.equals(strategy) || isDeleteList) {
      return mergeSlice(list(original), list(patch), elementSchema, mergeKey, isDeleteList, live);
    }
    return patch;
  }

  private static ArrayNode mergeSlice(List<JsonNode> original, List<JsonNode> patch, LookupPatchMeta schema,
      String mergeKey, boolean isDeleteList, GoBackingArray live) {
    if (original.isEmpty() && patch.isEmpty()) {
      return array(original);
    }
    Kind kind = StrategicMergePatch.kindOf(elementType(original, patch));
    if (kind == Kind.SCALARS) {
      if (isDeleteList) {
        return array(original.stream().filter(v -> patch.stream().noneMatch(d -> GoValues.equal(d, v))).toList());
      }
      List<JsonNode> union = new ArrayList<>();
      for (JsonNode v : concat(original, patch)) {
        if (union.stream().noneMatch(m -> GoValues.equal(m, v))) {
          union.add(v);
        }
      }
      return ordered(union, patch, original, mergeKey, kind);
    }
    if (mergeKey.isEmpty()) {
      throw StrategicMergePatchException.other("cannot merge lists without merge key for " + schema.name());
    }
    SpecialElements s = mergeSliceWithSpecialElements(original, patch, mergeKey, live);
    List<JsonNode> merged = mergeSliceWithoutSpecialElements(s.original(), s.patch(), mergeKey, schema,
        s.replaced() ? null : live);
    return ordered(merged, s.patch(), s.original(), mergeKey, kind);
  }

  /** Patch elements in patch order, the others in live order, interleaved ({@link ElementOrder}). */
  private static ArrayNode ordered(List<JsonNode> merged, List<JsonNode> patch, List<JsonNode> original,
      String mergeKey, Kind kind) {
    Partition p = ElementOrder.partition(merged, patch, mergeKey);
    return array(ElementOrder.normalize(p.inList(), p.notInList(), patch, original, mergeKey, kind));
  }

  private record SpecialElements(List<JsonNode> original, List<JsonNode> patch, boolean replaced) {}

  /**
   * Handles list elements carrying {@code $patch}: {@code delete} removes every element with that
   * merge key; {@code replace} makes the rest of the patch list the whole list.
   */
  private static SpecialElements mergeSliceWithSpecialElements(List<JsonNode> original, List<JsonNode> patch,
      String mergeKey, GoBackingArray live) {
    List<JsonNode> plain = new ArrayList<>();
    List<JsonNode> remaining = new ArrayList<>(original);
    boolean replace = false;
    for (JsonNode v : patch) {
      JsonNode directive = v.get(StrategicMergePatch.DIRECTIVE_MARKER);
      if (directive == null) {
        plain.add(v);
        continue;
      }
      String d = directive.textValue();
      if (StrategicMergePatch.DELETE_DIRECTIVE.equals(d)) {
        JsonNode mergeValue = v.get(mergeKey);
        if (mergeValue == null) {
          throw StrategicMergePatchException.noMergeKey(v, mergeKey);
        }
        int i;
        while ((i = StrategicMergePatch.findByMergeKey(remaining, mergeKey, mergeValue)) >= 0) {
          remaining.remove(i);
          if (live != null) {
            live.delete(i);
          }
        }
      } else if (StrategicMergePatch.REPLACE_DIRECTIVE.equals(d)) {
        replace = true;
      } else if (StrategicMergePatch.MERGE_DIRECTIVE.equals(d)) {
        throw StrategicMergePatchException.other("merging lists cannot yet be specified in the patch");
      } else {
        throw StrategicMergePatchException.badPatchType(directive, v);
      }
    }
    return replace ? new SpecialElements(plain, List.of(), true) : new SpecialElements(remaining, plain, false);
  }

  /** Each patch element merges into the element with its merge key, or is appended. */
  private static List<JsonNode> mergeSliceWithoutSpecialElements(List<JsonNode> original, List<JsonNode> patch,
      String mergeKey, LookupPatchMeta schema, GoBackingArray live) {
    List<JsonNode> merged = new ArrayList<>(original);
    for (JsonNode v : patch) {
      JsonNode mergeValue = v.get(mergeKey);
      if (mergeValue == null) {
        throw StrategicMergePatchException.noMergeKey(v, mergeKey);
      }
      int i = StrategicMergePatch.findByMergeKey(merged, mergeKey, mergeValue);
      if (i >= 0) {
        merged.set(i, StrategicMergePatch.mergeMap((ObjectNode) merged.get(i), (ObjectNode) v, schema));
      } else {
        merged.add(v);
        if (live != null) {
          live.append(v);
        }
      }
    }
    return merged;
  }

  /**
   * Processes every {@code $setElementOrder/<list>} of {@code patch}: merges {@code <list>} now and
   * orders the result as the directive says, then removes both from the patch.
   */
  static void mergePatchIntoOriginal(ObjectNode original, ObjectNode patch, LookupPatchMeta schema) {
    for (Map.Entry<String, JsonNode> field : GoValues.fields(patch)) {
      String key = field.getKey();
      if (!key.startsWith(StrategicMergePatch.SET_ELEMENT_ORDER_PREFIX)) {
        continue;
      }
      patch.remove(key);
      JsonNode setOrder = field.getValue();
      if (!setOrder.isArray()) {
        throw StrategicMergePatchException.badArgType(GoValues.SLICE, setOrder);
      }
      String listKey = StrategicMergePatch.extractKey(key, StrategicMergePatch.SET_ELEMENT_ORDER_PREFIX);
      JsonNode originalList = original.get(listKey);
      JsonNode patchList = patch.get(listKey);
      for (JsonNode l : new JsonNode[] {originalList, patchList}) {
        if (l != null && !l.isArray()) {
          throw StrategicMergePatchException.badArgType(GoValues.SLICE, l);
        }
      }
      Lookup meta = schema.forSlice(listKey);
      String strategy = StrategicMergePatch.patchStrategy(meta.meta());
      String mergeKey = meta.meta().mergeKey();
      List<JsonNode> order = list(setOrder);
      List<JsonNode> originalValues = list(originalList);
      List<JsonNode> patchValues = list(patchList);
      validatePatchWithSetOrderList(patchValues, order, mergeKey);

      List<JsonNode> merged;
      GoBackingArray live = new GoBackingArray(originalValues);
      if (originalList != null && patchList == null) {
        merged = originalValues;
      } else if (originalList == null && patchList != null) {
        merged = list(StrategicMergePatch.removeDirectives(patchList));
      } else if (originalList != null) {
        merged = list(mergeSliceHandler((ArrayNode) originalList, (ArrayNode) patchList, meta.schema(), strategy,
            mergeKey, false, live));
      } else {
        continue;
      }
      patch.remove(listKey);
      if (originalValues.isEmpty() && patchValues.isEmpty()) {
        // Upstream fails here ("no elements in any of the given slices"); there is nothing to order.
        original.set(listKey, array(merged));
        continue;
      }
      Partition p = ElementOrder.partition(merged, order, mergeKey);
      Kind kind = StrategicMergePatch.kindOf(elementType(originalValues, patchValues));
      original.set(listKey, array(ElementOrder.normalize(p.inList(), p.notInList(), order, live.cells(),
          mergeKey, kind)));
    }
  }

  /**
   * The patch list must name its elements in the order {@code $setElementOrder} gives, and only
   * elements it names ({@code $patch} elements aside).
   */
  private static void validatePatchWithSetOrderList(List<JsonNode> patchList, List<JsonNode> setOrder,
      String mergeKey) {
    if (setOrder.isEmpty() || patchList.isEmpty()) {
      return;
    }
    List<JsonNode> nonDelete = new ArrayList<>();
    for (JsonNode v : patchList) {
      if (!mergeKey.isEmpty() && !v.isObject()) {
        throw StrategicMergePatchException.badArgType(GoValues.MAP, v);
      }
      if (mergeKey.isEmpty() || !ElementOrder.isDeleteDirective(v)) {
        nonDelete.add(v);
      }
    }
    int p = 0;
    int s = 0;
    while (p < nonDelete.size() && s < setOrder.size()) {
      JsonNode item = nonDelete.get(p);
      if (item.isObject() && item.has(StrategicMergePatch.DIRECTIVE_MARKER)) {
        p++;
        continue;
      }
      if (mergeKeyValueEqual(item, setOrder.get(s), mergeKey)) {
        p++;
      }
      s++;
    }
    if (p < nonDelete.size() && s >= setOrder.size()) {
      throw StrategicMergePatchException.other("The order in patch list:\n" + GoValues.formatList(patchList)
          + "\n doesn't match " + StrategicMergePatch.SET_ELEMENT_ORDER_PREFIX + " list:\n"
          + GoValues.formatList(setOrder) + "\n");
    }
  }

  private static boolean mergeKeyValueEqual(JsonNode left, JsonNode right, String mergeKey) {
    if (mergeKey.isEmpty()) {
      return GoValues.equal(left, right);
    }
    for (JsonNode side : new JsonNode[] {left, right}) {
      if (!side.isObject()) {
        throw StrategicMergePatchException.badArgType(GoValues.MAP, side);
      }
      if (side.get(mergeKey) == null) {
        throw StrategicMergePatchException.noMergeKey(side, mergeKey);
      }
    }
    return GoValues.equal(left.get(mergeKey), right.get(mergeKey));
  }

  /**
   * {@code sliceElementType}: the one Go type all elements share. Lists of lists are refused, and so
   * are lists mixing types.
   */
  private static String elementType(List<JsonNode> a, List<JsonNode> b) {
    String type = null;
    boolean first = true;
    for (JsonNode v : concat(a, b)) {
      String t = GoValues.type(v);
      if (first) {
        if (GoValues.SLICE.equals(t)) {
          throw StrategicMergePatchException.noListOfLists();
        }
        type = t;
        first = false;
      } else if (!Objects.equals(type, t)) {
        throw StrategicMergePatchException.other("list element types are not identical: ["
            + GoValues.formatList(a) + " " + GoValues.formatList(b) + "]");
      }
    }
    if (first) {
      throw StrategicMergePatchException.other("no elements in any of the given slices");
    }
    return type;
  }

  /**
   * What upstream's {@code $setElementOrder} handling sees of the live list after merging it. Go merges
   * in place: deleting an element shifts the rest left inside the same array, and appending writes into
   * the freed slots, so the live list it then orders server-only elements by holds appended patch
   * elements where deleted ones were. Kubernetes' results (which kubectl users see) depend on it:
   * live {@code [1 2 4]}, patch {@code [3, {$patch: delete, name: 1}]}, order {@code [2 3]} gives
   * {@code [2 4 3]} (the view is {@code [2 4 3]}) where the plain live order would give {@code [2 3 4]}.
   */
  private static final class GoBackingArray {
    private final List<JsonNode> cells;
    private int length;

    GoBackingArray(List<JsonNode> live) {
      this.cells = new ArrayList<>(live);
      this.length = live.size();
    }

    /** {@code append(s[:i], s[i+1:]...)}: the last cell keeps its old value. */
    void delete(int i) {
      for (int k = i; k < length - 1; k++) {
        cells.set(k, cells.get(k + 1));
      }
      length--;
    }

    /** {@code append(s, v)}: lands in the array while there is room (cells past the view are unseen). */
    void append(JsonNode v) {
      if (length < cells.size()) {
        cells.set(length, v);
      }
      length++;
    }

    List<JsonNode> cells() {
      return cells;
    }
  }

  private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
    List<JsonNode> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
