package io.kube4j.apiserver.patch;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link LookupPatchMeta} over the Fabric8 model classes: Jackson's own introspection says which Java
 * type a JSON field holds (following {@code List<Container>} and {@code Map<String, V>} generics), and
 * {@link PatchStrategies} says how it is patched, as upstream reads both from the Go struct and its tags.
 *
 * <p>Unlike upstream, a field the model does not know is not an error: it is patched without a
 * strategy (objects merge, lists are replaced), so a model lagging behind the API still accepts patches.
 */
final class PatchMetaFromStruct implements LookupPatchMeta {

  private static final ObjectMapper INTROSPECTOR = new ObjectMapper();
  private static final ClassValue<Map<String, JavaType>> PROPERTIES = new ClassValue<>() {
    @Override
    protected Map<String, JavaType> computeValue(Class<?> type) {
      JavaType javaType = INTROSPECTOR.constructType(type);
      BeanDescription bean = INTROSPECTOR.getDeserializationConfig().introspect(javaType);
      Map<String, JavaType> properties = new HashMap<>();
      for (BeanPropertyDefinition p : bean.findProperties()) {
        properties.put(p.getName(), p.getPrimaryType());
      }
      return Map.copyOf(properties);
    }
  };
  private static final PatchMetaFromStruct UNKNOWN = new PatchMetaFromStruct(null);

  /** {@code null} when the model does not describe this level. */
  private final JavaType type;

  private PatchMetaFromStruct(JavaType type) {
    this.type = type;
  }

  static PatchMetaFromStruct of(Class<?> modelType) {
    return new PatchMetaFromStruct(INTROSPECTOR.constructType(modelType));
  }

  @Override
  public Lookup forStruct(String key) {
    if (type == null) {
      return new Lookup(UNKNOWN, PatchMeta.NONE);
    }
    if (type.isMapLikeType()) {
      // labels, annotations, data, resources.limits: every key holds the map's value type
      return new Lookup(wrap(type.getContentType()), PatchMeta.NONE);
    }
    if (type.isContainerType() || type.isPrimitive() || type.getRawClass().getName().startsWith("java.")) {
      return new Lookup(UNKNOWN, PatchMeta.NONE);
    }
    Map<String, JavaType> properties = PROPERTIES.get(type.getRawClass());
    String name = fieldName(properties, key);
    if (name == null) {
      return new Lookup(UNKNOWN, PatchMeta.NONE);
    }
    PatchMeta meta = PatchStrategies.lookup(type.getRawClass(), name).orElse(PatchMeta.NONE);
    return new Lookup(wrap(properties.get(name)), meta);
  }

  @Override
  public Lookup forSlice(String key) {
    Lookup field = forStruct(key);
    JavaType list = ((PatchMetaFromStruct) field.schema()).type;
    JavaType element = list != null && (list.isCollectionLikeType() || list.isArrayType())
        ? list.getContentType() : null;
    return new Lookup(wrap(element), field.meta());
  }

  @Override
  public String name() {
    return "struct";
  }

  private static PatchMetaFromStruct wrap(JavaType type) {
    return type == null ? UNKNOWN : new PatchMetaFromStruct(type);
  }

  /** The JSON field {@code encoding/json} would pick: an exact match, else a case-insensitive one. */
  private static String fieldName(Map<String, JavaType> properties, String key) {
    if (properties.containsKey(key)) {
      return key;
    }
    for (String name : properties.keySet()) {
      if (name.equalsIgnoreCase(key)) {
        return name;
      }
    }
    return null;
  }
}
