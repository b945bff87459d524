package io.kube4j.apiserver.runtime;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Finds the fields of a request body that the target type does not have: what strict field
 * validation ({@code fieldValidation=Strict}) rejects and {@code Warn} reports. Walks the JSON tree
 * beside the model's Jackson properties, so the paths are the JSON paths a user wrote
 * ({@code spec.containers[0].bogus}).
 */
public final class UnknownFields {

  private final ObjectMapper mapper;
  private final Map<JavaType, Map<String, JavaType>> properties = new ConcurrentHashMap<>();

  public UnknownFields(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Removes every unknown field from {@code body} (Go's decoder drops them; they must not reach
   * storage) and returns their paths, in document order.
   */
  public List<String> strip(JsonNode body, Class<?> type) {
    List<String> out = new ArrayList<>();
    walk(body, mapper.constructType(type), "", out);
    return out;
  }

  private void walk(JsonNode node, JavaType type, String path, List<String> out) {
    if (node == null || node.isNull()) {
      return;
    }
    if (type.isCollectionLikeType() || type.isArrayType()) {
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          walk(node.get(i), type.getContentType(), path + "[" + i + "]", out);
        }
      }
      return;
    }
    if (type.isMapLikeType()) {
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          walk(e.getValue(), type.getContentType(), path + "[" + e.getKey() + "]", out);
        }
      }
      return;
    }
    if (!node.isObject() || !isModel(type)) {
      return;
    }
    Map<String, JavaType> props = propertiesOf(type);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      JavaType t = props.get(e.getKey());
      if (t == null) {
        out.add(child);
        it.remove();
      } else {
        walk(e.getValue(), t, child, out);
      }
    }
  }

  /** Fabric8 model classes (and Kubernetes' embedded types) are checked; anything else is opaque. */
  private static boolean isModel(JavaType type) {
    String name = type.getRawClass().getName();
    return name.startsWith("io.fabric8.kubernetes.api.model") && !name.endsWith(".Quantity")
        && !name.endsWith(".IntOrString") && !name.endsWith(".KubernetesResource")
        && !name.endsWith(".HasMetadata") && !name.endsWith(".AnyType");
  }

  private Map<String, JavaType> propertiesOf(JavaType type) {
    return properties.computeIfAbsent(type, t -> {
      List<BeanPropertyDefinition> defs = mapper.getDeserializationConfig().introspect(t).findProperties();
      Set<String> skip = Set.of("additionalProperties");
      return defs.stream()
          .filter(d -> !skip.contains(d.getName()))
          .filter(d -> d.hasSetter() || d.hasField() || d.hasConstructorParameter())
          .collect(Collectors.toMap(BeanPropertyDefinition::getName, d -> d.getPrimaryType(), (a, b) -> a));
    });
  }
}
