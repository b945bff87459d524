package io.kube4j.apiserver.runtime.protobuf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.kube4j.apiserver.api.StatusException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a parsed Kubernetes message as the JSON Go's {@code encoding/json} would write for the
 * same Go object, field by field in declaration order:
 *
 * <ul>
 *   <li>a nested message present on the wire is always written, even as {@code {}}: Go writes every
 *       non-pointer struct (kubectl's JSON has {@code "resources":{}}) and every non-nil pointer
 *       ({@code "emptyDir":{}} selects a volume type);
 *   <li>repeated and map fields are written when not empty;
 *   <li>strings, numbers, booleans and bytes follow {@link GoJsonTags};
 *   <li>types with their own Go JSON marshalling are written as Go writes them (see
 *       {@link #message}); {@code bytes} become base64, as Go writes {@code []byte}.
 * </ul>
 */
final class MessageToJson {

  private static final Logger log = LoggerFactory.getLogger(MessageToJson.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
  /** Go's zero {@code time.Time}, 0001-01-01T00:00:00Z, in Unix seconds: marshals as null. */
  private static final long GO_ZERO_TIME_SECONDS = -62135596800L;
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter RFC3339_MICRO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /**
   * Unknown field numbers already logged, as {@code Message#number}: one warning each. Capped, as
   * the numbers come from clients and any client may invent many.
   */
  private static final Set<String> reportedUnknownFields = ConcurrentHashMap.newKeySet();
  private static final int MAX_REPORTED_UNKNOWN_FIELDS = 1_000;

  /** Decodes a {@code k8s\0}-prefixed object nested in a RawExtension. */
  private final Function<byte[], ObjectNode> nestedObject;

  MessageToJson(Function<byte[], ObjectNode> nestedObject) {
    this.nestedObject = nestedObject;
  }

  /**
   * Writes the fields of {@code message} into {@code out}; for a top-level object the caller has
   * already written apiVersion and kind, which protobuf carries in the envelope only.
   */
  void writeFields(Message message, ObjectNode out) {
    reportUnknownFields(message);
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (field.isRepeated() ? message.getRepeatedFieldCount(field) == 0 : !message.hasField(field)) {
        continue;
      }
      Object value = message.getField(field);
      if (GoJsonTags.isInline(field)) {
        writeFields((Message) value, out);
        continue;
      }
      JsonNode json;
      if (field.isMapField()) {
        json = map(field, (List<?>) value);
      } else if (field.isRepeated()) {
        ArrayNode array = JSON.arrayNode();
        for (Object element : (List<?>) value) {
          array.add(orNull(element(field, element)));
        }
        json = array;
      } else {
        json = isOmitted(field, value) ? null : element(field, value);
      }
      if (json != null) {
        out.set(GoJsonTags.jsonName(field), json);
      }
    }
  }

  /** Whether a present singular scalar holds a value Go's JSON would leave out. */
  private static boolean isOmitted(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case STRING -> ((String) value).isEmpty() && !GoJsonTags.keepsEmptyString(field);
      case BYTE_STRING -> ((ByteString) value).isEmpty();
      case BOOLEAN -> !((Boolean) value) && GoJsonTags.dropsZero(field);
      case INT, LONG, FLOAT, DOUBLE -> ((Number) value).doubleValue() == 0 && GoJsonTags.dropsZero(field);
      default -> false;
    };
  }

  /** Map entries are written whatever their value: {@code data: {"k": ""}} keeps the empty value. */
  private ObjectNode map(FieldDescriptor field, List<?> entries) {
    Descriptor entryType = field.getMessageType();
    FieldDescriptor keyField = entryType.findFieldByNumber(1);
    FieldDescriptor valueField = entryType.findFieldByNumber(2);
    ObjectNode object = JSON.objectNode();
    for (Object entry : entries) {
      Message pair = (Message) entry;
      object.set(String.valueOf(pair.getField(keyField)), orNull(element(valueField, pair.getField(valueField))));
    }
    return object;
  }

  /** One value; {@code null} when it marshals to JSON null (a zero Time), which callers omit. */
  private JsonNode element(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case STRING -> JSON.textNode((String) value);
      case INT -> JSON.numberNode((Integer) value);
      // as Jackson reads JSON: an int64 that fits in 32 bits becomes an IntNode, so trees compare equal
      case LONG -> (Long) value == ((Long) value).intValue()
          ? JSON.numberNode(((Long) value).intValue()) : JSON.numberNode((Long) value);
      case FLOAT -> JSON.numberNode(((Float) value).doubleValue());
      case DOUBLE -> JSON.numberNode((Double) value);
      case BOOLEAN -> JSON.booleanNode((Boolean) value);
      case BYTE_STRING -> JSON.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
      case ENUM -> JSON.textNode(((EnumValueDescriptor) value).getName());
      case MESSAGE -> message((Message) value);
    };
  }

  /**
   * A nested message: an object of its fields, or what the Go type's own {@code MarshalJSON}
   * writes; {@code null} for the types that marshal to JSON null when empty.
   */
  private JsonNode message(Message message) {
    Descriptor type = message.getDescriptorForType();
    if (isStringListWrapper(type)) {
      return stringList(message);
    }
    return switch (type.getFullName()) {
      // metav1.Time: RFC 3339 in seconds; Go's protobuf decoding drops the nanos.
      case META + "Time" -> time(message, false);
      // metav1.MicroTime: RFC 3339 with 6 fractional digits.
      case META + "MicroTime" -> time(message, true);
      // metav1.Duration: Go's duration string, "1h0m0s".
      case META + "Duration" -> JSON.textNode(GoDuration.format((Long) field(message, "duration")));
      // FieldsV1 and RawExtension carry JSON bytes; Go writes them verbatim.
      case META + "FieldsV1" -> embedded((ByteString) field(message, "Raw"));
      case "k8s.io.apimachinery.pkg.runtime.RawExtension" -> embedded((ByteString) field(message, "raw"));
      // resource.Quantity: its canonical string, which is what the client put on the wire.
      case "k8s.io.apimachinery.pkg.api.resource.Quantity",
          "k8s.io.apimachinery.pkg.api.resource.QuantityValue" -> quantity(message);
      // intstr.IntOrString {type, intVal, strVal}: a JSON number or string.
      case "k8s.io.apimachinery.pkg.util.intstr.IntOrString" -> (Long) field(message, "type") == 1
          ? JSON.textNode((String) field(message, "strVal"))
          : JSON.numberNode((Integer) field(message, "intVal"));
      default -> {
        ObjectNode object = JSON.objectNode();
        writeFields(message, object);
        yield object;
      }
    };
  }

  /**
   * {@code ExtraValue} and {@code Verbs} are Go {@code []string} types wrapped in a message only
   * because protobuf maps cannot hold repeated values; JSON writes the bare list.
   */
  private static boolean isStringListWrapper(Descriptor type) {
    return type.getName().equals("ExtraValue") || type.getFullName().equals(META + "Verbs");
  }

  private static JsonNode stringList(Message message) {
    ArrayNode items = JSON.arrayNode();
    FieldDescriptor field = message.getDescriptorForType().findFieldByName("items");
    for (Object item : (List<?>) message.getField(field)) {
      items.add((String) item);
    }
    return items;
  }

  private static JsonNode time(Message message, boolean micro) {
    // Go marshals a zero time.Time as an empty message; JSON null then, i.e. absent.
    if (message.getAllFields().isEmpty()) {
      return null;
    }
    long seconds = (Long) field(message, "seconds");
    int nanos = (Integer) field(message, "nanos");
    int kept = micro ? nanos - nanos % 1_000 : 0;
    if (seconds == GO_ZERO_TIME_SECONDS && kept == 0) {
      return null;
    }
    Instant instant = Instant.ofEpochSecond(seconds, kept);
    return JSON.textNode((micro ? RFC3339_MICRO : RFC3339).format(instant));
  }

  private static JsonNode quantity(Message message) {
    String value = (String) field(message, "string");
    return JSON.textNode(value.isEmpty() ? "0" : value);
  }

  /** JSON bytes as a tree; a nested {@code k8s\0} object is decoded the same way as the body. */
  private JsonNode embedded(ByteString raw) {
    if (raw.isEmpty()) {
      return null;
    }
    if (ProtobufDecoder.hasMagic(raw)) {
      return nestedObject.apply(raw.toByteArray());
    }
    try {
      return MAPPER.readTree(raw.toByteArray());
    } catch (JsonProcessingException e) {
      throw StatusException.badRequest("embedded object is neither JSON nor protobuf: "
          + new String(raw.substring(0, Math.min(raw.size(), 30)).toByteArray(), StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw StatusException.badRequest(e.getMessage());
    }
  }

  private static Object field(Message message, String name) {
    return message.getField(message.getDescriptorForType().findFieldByName(name));
  }

  private static JsonNode orNull(JsonNode node) {
    return node == null ? NullNode.getInstance() : node;
  }

  /**
   * A field the descriptors do not know (one Kubernetes added after 1.32) is kept by the parser as
   * an unknown field and cannot be named in JSON; say so once, since the object loses it.
   */
  private static void reportUnknownFields(Message message) {
    for (Integer number : message.getUnknownFields().asMap().keySet()) {
      String key = message.getDescriptorForType().getFullName() + "#" + number;
      if (reportedUnknownFields.size() < MAX_REPORTED_UNKNOWN_FIELDS && reportedUnknownFields.add(key)) {
        log.warn("dropping protobuf field {} of {}: not in kube4j's Kubernetes 1.32 schema",
            number, message.getDescriptorForType().getFullName());
      }
    }
  }
}
