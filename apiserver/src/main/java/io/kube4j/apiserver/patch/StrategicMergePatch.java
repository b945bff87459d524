package io.kube4j.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.patch.ElementOrder.Kind;
import io.kube4j.apiserver.patch.LookupPatchMeta.Lookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a strategic merge patch, as upstream's {@code StrategicMergeMapPatch} does on the server
 * ({@code mergeMap} with parallel lists merged and unmatched nulls ignored):
 * <ul>
 *   <li>objects merge key by key, {@code null} deletes a key; a field tagged {@code replace} is replaced;
 *   <li>lists tagged {@code merge} merge: objects by their merge key (unknown keys are appended),
 *       scalars as a set union; other lists are replaced;
 *   <li>directives: {@code $patch: replace|delete} on an object, {@code $patch: delete|replace} as a list
 *       element, {@code $retainKeys}, {@code $setElementOrder/<list>}, {@code $deleteFromPrimitiveList/<list>}.
 * </ul>
 * Both trees passed in are consumed (mutated), as upstream's maps are; {@link Patcher} passes copies.
 */
final class StrategicMergePatch {

  static final String DIRECTIVE_MARKER = "$patch";
  static final String DELETE_DIRECTIVE = "delete";
  static final String REPLACE_DIRECTIVE = "replace";
  static final String MERGE_DIRECTIVE = "merge";
  static final String RETAIN_KEYS_STRATEGY = "retainKeys";
  static final String RETAIN_KEYS_DIRECTIVE = "$" + RETAIN_KEYS_STRATEGY;
  static final String DELETE_FROM_PRIMITIVE_LIST_PREFIX = "$deleteFromPrimitiveList";
  static final String SET_ELEMENT_ORDER_PREFIX = "$setElementOrder";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StrategicMergePatch() {}

  static ObjectNode apply(ObjectNode original, ObjectNode patch, LookupPatchMeta schema) {
    return mergeMap(original, patch, schema);
  }

  /** Merges {@code patch} into {@code original} (which may be null) and returns the result. */
  static ObjectNode mergeMap(ObjectNode original, ObjectNode patch, LookupPatchMeta schema) {
    JsonNode directive = patch.get(DIRECTIVE_MARKER);
    if (directive != null) {
      return handleDirectiveInMergeMap(directive, patch);
    }
    if (original == null) {
      original = NODES.objectNode();
    }
    applyRetainKeysDirective(original, patch);
    // $setElementOrder lists are merged first, together with their lists, which leave the patch.
    ListMerge.mergePatchIntoOriginal(original, patch, schema);

    for (Map.Entry<String, JsonNode> field : GoValues.fields(patch)) {
      String key = field.getKey();
      JsonNode patchValue = field.getValue();
      boolean isDeleteList = key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX);
      if (isDeleteList) {
        key = extractKey(key, DELETE_FROM_PRIMITIVE_LIST_PREFIX);
      }
      if (patchValue.isNull()) {
        original.remove(key);
        continue;
      }
      JsonNode originalValue = original.get(key);
      if (originalValue == null || !sameKind(originalValue, patchValue)) {
        if (!isDeleteList) {
          setNew(original, key, patchValue);
        }
        continue;
      }
      if (patchValue.isObject()) {
        Lookup object = schema.forStruct(key);
        String strategy = patchStrategy(object.meta());
        original.set(key, REPLACE_DIRECTIVE.equals(strategy)
            ? patchValue
            : mergeMap((ObjectNode) originalValue, (ObjectNode) patchValue, object.schema()));
      } else if (patchValue.isArray()) {
        Lookup list = schema.forSlice(key);
        original.set(key, ListMerge.mergeSliceHandler((ArrayNode) originalValue, (ArrayNode) patchValue,
            list.schema(), patchStrategy(list.meta()), list.meta().mergeKey(), isDeleteList));
      } else {
        original.set(key, patchValue);
      }
    }
    return original;
  }

  /** {@code $patch: replace} keeps the patch as the whole object; {@code $patch: delete} empties it. */
  private static ObjectNode handleDirectiveInMergeMap(JsonNode directive, ObjectNode patch) {
    if (REPLACE_DIRECTIVE.equals(directive.textValue())) {
      patch.remove(DIRECTIVE_MARKER);
      return patch;
    }
    if (DELETE_DIRECTIVE.equals(directive.textValue())) {
      return NODES.objectNode();
    }
    throw StrategicMergePatchException.badPatchType(directive, patch);
  }

  /**
   * {@code $retainKeys: [a, b]} clears every key of the original not listed, and every key the patch
   * sets (to a non-null value) must be listed.
   */
  private static void applyRetainKeysDirective(ObjectNode original, ObjectNode patch) {
    JsonNode retainKeys = patch.remove(RETAIN_KEYS_DIRECTIVE);
    if (retainKeys == null) {
      return;
    }
    if (!retainKeys.isArray()) {
      throw StrategicMergePatchException.badPatchFormatForRetainKeys();
    }
    List<String> retained = new ArrayList<>();
    for (JsonNode k : retainKeys) {
      if (k.isTextual()) {
        retained.add(k.textValue());
      }
    }
    for (Map.Entry<String, JsonNode> field : GoValues.fields(patch)) {
      String key = field.getKey();
      if (field.getValue().isNull() || key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)
          || key.startsWith(SET_ELEMENT_ORDER_PREFIX)) {
        continue;
      }
      if (!retained.contains(key)) {
        throw StrategicMergePatchException.badPatchFormatForRetainKeys();
      }
    }
    for (Map.Entry<String, JsonNode> field : GoValues.fields(original)) {
      if (!retained.contains(field.getKey())) {
        original.remove(field.getKey());
      }
    }
  }

  /** A value the original lacks (or holds with another type) is taken from the patch, minus directives. */
  private static void setNew(ObjectNode original, String key, JsonNode patchValue) {
    discardNullValues(patchValue);
    JsonNode value = removeDirectives(patchValue);
    if (value == null) {
      original.remove(key);
    } else {
      original.set(key, value);
    }
  }

  /** The other strategy besides {@code retainKeys} ({@code extractRetainKeysPatchStrategy}). */
  static String patchStrategy(PatchMeta meta) {
    List<String> strategies = meta.strategies();
    switch (strategies.size()) {
      case 1:
        return RETAIN_KEYS_STRATEGY.equals(strategies.get(0)) ? "" : strategies.get(0);
      case 2:
        if (RETAIN_KEYS_STRATEGY.equals(strategies.get(0))) {
          return strategies.get(1);
        }
        if (RETAIN_KEYS_STRATEGY.equals(strategies.get(1))) {
          return strategies.get(0);
        }
        break;
      default:
        break;
    }
    throw StrategicMergePatchException.other("unexpected patch strategy: [" + String.join(" ", strategies) + "]");
  }

  /** {@code $setElementOrder/containers} → {@code containers}. */
  static String extractKey(String key, String prefix) {
    int slash = key.indexOf('/');
    if (slash < 0 || !key.substring(0, slash).equals(prefix)) {
      throw prefix.equals(DELETE_FROM_PRIMITIVE_LIST_PREFIX)
          ? StrategicMergePatchException.badPatchFormatForPrimitiveList()
          : StrategicMergePatchException.badPatchFormatForSetElementOrderList();
    }
    return key.substring(slash + 1);
  }

  /**
   * {@code removeDirectives}: drops every object carrying {@code $patch} from a value that is inserted
   * as it is. Returns {@code null} when the value itself is such an object.
   */
  static JsonNode removeDirectives(JsonNode value) {
    if (value.isObject()) {
      if (value.has(DIRECTIVE_MARKER)) {
        return null;
      }
      ObjectNode object = (ObjectNode) value;
      for (Map.Entry<String, JsonNode> field : GoValues.fields(object)) {
        JsonNode kept = removeDirectives(field.getValue());
        if (kept == null) {
          object.remove(field.getKey());
        } else {
          object.set(field.getKey(), kept);
        }
      }
      return object;
    }
    if (value.isArray()) {
      ArrayNode kept = NODES.arrayNode();
      for (JsonNode element : value) {
        JsonNode k = removeDirectives(element);
        if (k != null) {
          kept.add(k);
        }
      }
      return kept;
    }
    return value;
  }

  /** {@code discardNullValuesFromPatch}: a null in a new value means "absent", not "null". */
  private static void discardNullValues(JsonNode value) {
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> field : GoValues.fields(value)) {
        if (field.getValue().isNull()) {
          ((ObjectNode) value).remove(field.getKey());
        } else {
          discardNullValues(field.getValue());
        }
      }
    } else if (value.isArray()) {
      value.forEach(StrategicMergePatch::discardNullValues);
    }
  }

  /** Upstream recurses only when both values have the same Go type: two objects or two lists. */
  private static boolean sameKind(JsonNode a, JsonNode b) {
    return (a.isObject() && b.isObject()) || (a.isArray() && b.isArray())
        || (!a.isContainerNode() && !b.isContainerNode() && !a.isNull());
  }

  /** Index of the first object in {@code list} whose {@code mergeKey} equals {@code value}; -1 if none. */
  static int findByMergeKey(List<JsonNode> list, String mergeKey, JsonNode value) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode v = list.get(i);
      if (!v.isObject()) {
        throw StrategicMergePatchException.other("value for key " + i + " is not a map");
      }
      JsonNode candidate = v.get(mergeKey);
      if (candidate != null && GoValues.equal(candidate, value)) {
        return i;
      }
    }
    return -1;
  }

  static Kind kindOf(String goType) {
    return GoValues.MAP.equals(goType) ? Kind.MAPS : Kind.SCALARS;
  }

  static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    if (array != null) {
      array.forEach(out::add);
    }
    return out;
  }

  static ArrayNode array(List<JsonNode> values) {
    ArrayNode a = NODES.arrayNode();
    a.addAll(values);
    return a;
  }
}
