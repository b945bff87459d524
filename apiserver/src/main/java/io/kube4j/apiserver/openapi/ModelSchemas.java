package io.kube4j.apiserver.openapi;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.Duration;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.runtime.RawExtension;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Component schemas generated from Fabric8 model classes with Jackson's own introspection, so the
 * properties are exactly the JSON fields the apiserver reads and writes. Fabric8's
 * {@code additionalProperties} catch-all is a {@code @JsonAnyGetter}, not a property, and never
 * appears.
 *
 * <p>Scalars that upstream gives a named schema (Quantity, IntOrString, Time, MicroTime,
 * RawExtension, FieldsV1) are referred to by name, as upstream does, so {@code kubectl explain} shows
 * {@code <Quantity>} or {@code <IntOrString>}. Not thread-safe; used while constructing
 * {@link OpenApiV3}.
 */
final class ModelSchemas {

  /** The named scalar schemas, whose shape upstream fixes in apimachinery. */
  private static final Map<String, Schema> BUILT_IN = Map.of(
      SchemaNames.TIME, Schema.type("string", "date-time"),
      SchemaNames.MICRO_TIME, Schema.type("string", "date-time"),
      SchemaNames.QUANTITY, Schema.oneOf(null, Schema.type("string"), Schema.type("number")),
      SchemaNames.INT_OR_STRING,
      Schema.oneOf("int-or-string", Schema.type("integer"), Schema.type("string")),
      SchemaNames.RAW_EXTENSION, Schema.type("object"),
      SchemaNames.FIELDS_V1, Schema.type("object"),
      SchemaNames.PATCH, Schema.type("object"));

  private final ObjectMapper json;
  private final PatchMetaSource patchMeta;
  /** Every schema defined so far, by upstream name. */
  private final Map<String, Schema> schemas = new HashMap<>();

  ModelSchemas(ObjectMapper json, PatchMetaSource patchMeta) {
    this.json = json;
    this.patchMeta = patchMeta;
  }

  /** Defines the schema of a model class and of every class it reaches; returns its name. */
  String define(Class<?> type) {
    String name = SchemaNames.of(type);
    Schema builtIn = BUILT_IN.get(name);
    if (builtIn != null) {
      schemas.putIfAbsent(name, builtIn);
      return name;
    }
    if (schemas.containsKey(name)) {
      return name;
    }
    schemas.put(name, Schema.type("object")); // placeholder: breaks cycles (JSONSchemaProps)
    schemas.put(name, beanSchema(name, json.constructType(type)));
    return name;
  }

  /** Defines a named schema by hand, for a kind whose model class is not on the class path. */
  void defineByHand(String name, Schema schema) {
    schemas.putIfAbsent(name, schema);
  }

  /** Defines a built-in named schema (Patch, RawExtension, ...). */
  String defineBuiltIn(String name) {
    schemas.putIfAbsent(name, BUILT_IN.get(name));
    return name;
  }

  /** Adds {@code x-kubernetes-group-version-kind} to an already defined schema. */
  void markGroupVersionKinds(String name, List<GroupVersionKind> gvks) {
    schemas.computeIfPresent(name, (n, s) -> s.withGroupVersionKinds(gvks));
  }

  /** The named schemas reachable from {@code roots}, sorted by name as upstream lists them. */
  SortedMap<String, Schema> closure(Set<String> roots) {
    SortedMap<String, Schema> out = new TreeMap<>();
    Deque<String> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      Schema schema = schemas.get(name);
      if (schema == null || out.containsKey(name)) continue;
      out.put(name, schema);
      Set<String> refs = new LinkedHashSet<>();
      schema.collectRefs(refs);
      pending.addAll(refs);
    }
    return out;
  }

  private Schema beanSchema(String name, JavaType type) {
    BeanDescription bean = json.getSerializationConfig().introspect(type);
    SortedMap<String, Schema> properties = new TreeMap<>();
    for (BeanPropertyDefinition property : bean.findProperties()) {
      AnnotatedMember accessor = property.getAccessor();
      if (accessor == null || accessor.hasAnnotation(JsonAnyGetter.class)) continue;
      String field = property.getName();
      Schema schema = fieldSchema(property.getPrimaryType(), FieldFacts.stringKind(name, field));
      var meta = patchMeta.lookup(type.getRawClass(), field);
      if (meta.isPresent()) {
        schema = schema.withPatch(meta.get().strategy(), meta.get().mergeKey());
      }
      properties.put(field, schema);
    }
    List<String> required = KubernetesResourceList.class.isAssignableFrom(type.getRawClass())
        && properties.containsKey("items")
        ? List.of("items")
        : FieldFacts.required(name).stream().filter(properties::containsKey).toList();
    return Schema.object(properties, required);
  }

  /**
   * The schema of one field's value. {@code stringKind} (from {@link FieldFacts}) retypes the
   * strings inside it: {@code Map<String,String> disruptedPods} becomes a map of Time.
   */
  private Schema fieldSchema(JavaType type, FieldFacts.StringKind stringKind) {
    Class<?> raw = type.getRawClass();
    if (type.isArrayType() && raw == byte[].class) {
      return Schema.type("string", "byte");
    }
    if (type.isMapLikeType()) {
      return Schema.map(fieldSchema(type.getContentType(), stringKind));
    }
    if (type.isCollectionLikeType() || type.isArrayType()) {
      return Schema.array(fieldSchema(type.getContentType(), stringKind));
    }
    if (raw == String.class) {
      if (stringKind == FieldFacts.StringKind.TIME) return Schema.allOfRef(defineBuiltIn(SchemaNames.TIME));
      if (stringKind == FieldFacts.StringKind.BYTES) return Schema.type("string", "byte");
      return Schema.type("string");
    }
    if (raw == MicroTime.class || Temporal.class.isAssignableFrom(raw)) {
      return Schema.allOfRef(defineBuiltIn(stringKind == FieldFacts.StringKind.TIME
          ? SchemaNames.TIME : SchemaNames.MICRO_TIME));
    }
    Schema scalar = scalar(raw);
    if (scalar != null) {
      return scalar;
    }
    if (raw == Quantity.class || raw == IntOrString.class || raw == FieldsV1.class) {
      return Schema.allOfRef(define(raw));
    }
    if (raw == Object.class || raw == RawExtension.class || raw.isInterface()
        || Modifier.isAbstract(raw.getModifiers())) {
      return Schema.allOfRef(defineBuiltIn(SchemaNames.RAW_EXTENSION));
    }
    if (raw == AnyType.class || raw.getName().startsWith("java.")) {
      return Schema.type("object"); // free-form JSON (JSONSchemaProps' default, example, ...)
    }
    return Schema.allOfRef(define(raw));
  }

  private static Schema scalar(Class<?> raw) {
    if (raw == Integer.class || raw == int.class || raw == Short.class || raw == short.class) {
      return Schema.type("integer", "int32");
    }
    if (raw == Long.class || raw == long.class || raw == BigInteger.class) {
      return Schema.type("integer", "int64");
    }
    if (raw == Boolean.class || raw == boolean.class) return Schema.type("boolean");
    if (raw == Double.class || raw == double.class) return Schema.type("number", "double");
    if (raw == Float.class || raw == float.class) return Schema.type("number", "float");
    if (raw == BigDecimal.class || raw == Number.class) return Schema.type("number");
    if (raw.isEnum() || raw == Character.class || raw == Duration.class) {
      return Schema.type("string");
    }
    return null;
  }
}
