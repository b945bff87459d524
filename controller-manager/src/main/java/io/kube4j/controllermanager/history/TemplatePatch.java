package io.kube4j.controllermanager.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data of a DaemonSet's or StatefulSet's ControllerRevision ({@code getPatch} in both
 * controllers): a strategic merge patch that puts a pod template back,
 * {@code {"spec":{"template":{"$patch":"replace",...}}}}. {@code kubectl rollout undo} sends it
 * as it is. The JSON is canonical, keys sorted at every level as Go's {@code json.Marshal} of a
 * map writes them, so the same template always gives the same bytes and the same hash.
 */
public final class TemplatePatch {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TemplatePatch() {}

  /** The patch that restores {@code template}. */
  public static String of(PodTemplateSpec template) {
    JsonNode t = MAPPER.valueToTree(SERIALIZATION.convertValue(template, Map.class));
    ObjectNode withDirective = t.isObject() ? ((ObjectNode) t).deepCopy() : JsonNodeFactory.instance.objectNode();
    withDirective.put("$patch", "replace");
    ObjectNode spec = JsonNodeFactory.instance.objectNode();
    spec.set("template", withDirective);
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("spec", spec);
    return canonical(root);
  }

  /** The pod template a revision's data restores ({@code ApplyRevision} for a template-only patch). */
  public static PodTemplateSpec templateOf(Object data) {
    JsonNode root = MAPPER.valueToTree(data);
    JsonNode template = root.path("spec").path("template");
    if (!template.isObject()) {
      throw new IllegalArgumentException("revision data has no spec.template");
    }
    ObjectNode copy = ((ObjectNode) template).deepCopy();
    copy.remove("$patch");
    return SERIALIZATION.convertValue(MAPPER.convertValue(copy, Map.class), PodTemplateSpec.class);
  }

  /** Any JSON-shaped value (a parsed map, a JsonNode) as JSON with sorted keys and without nulls. */
  public static String canonical(Object value) {
    try {
      return MAPPER.writeValueAsString(sorted(MAPPER.valueToTree(value)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The parsed form of {@code json}, to store as a ControllerRevision's data. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parse(String json) {
    try {
      return MAPPER.readValue(json, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      TreeMap<String, JsonNode> fields = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNull()) {
          fields.put(e.getKey(), sorted(e.getValue()));
        }
      }
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      fields.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      var out = JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> out.add(sorted(n)));
      return out;
    }
    return node;
  }
}
