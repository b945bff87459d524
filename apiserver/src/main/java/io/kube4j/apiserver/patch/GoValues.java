package io.kube4j.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * JSON values seen the way upstream's Go code sees the {@code interface{}} values it decodes patches
 * into (numbers as {@code int64} or {@code float64}, objects as {@code map[string]interface {}}), so that
 * scalar equality and the {@code %v} text inside error messages come out as Kubernetes prints them.
 */
final class GoValues {

  static final String MAP = "map[string]interface {}";
  static final String SLICE = "[]interface {}";

  private GoValues() {}

  /** The Go dynamic type of a decoded value; {@code null} for JSON null, as {@code reflect.TypeOf(nil)}. */
  static String type(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isObject()) {
      return MAP;
    }
    if (v.isArray()) {
      return SLICE;
    }
    if (v.isTextual()) {
      return "string";
    }
    if (v.isBoolean()) {
      return "bool";
    }
    return v.isIntegralNumber() ? "int64" : "float64";
  }

  /** Go's {@code ==} on two decoded scalars: same dynamic type and same value. */
  static boolean equal(JsonNode a, JsonNode b) {
    String ta = type(a);
    String tb = type(b);
    if (ta == null || tb == null) {
      return ta == tb;
    }
    if (!ta.equals(tb)) {
      return false;
    }
    return switch (ta) {
      case "int64" -> a.bigIntegerValue().equals(b.bigIntegerValue());
      case "float64" -> a.doubleValue() == b.doubleValue();
      default -> a.equals(b);
    };
  }

  /** {@code fmt.Sprintf("%v", v)}: {@code map[a:1 b:[x y]]}, keys sorted as fmt sorts them. */
  static String format(JsonNode v) {
    String t = type(v);
    if (t == null) {
      return "<nil>";
    }
    switch (t) {
      case MAP: {
        List<String> keys = new ArrayList<>();
        v.properties().forEach(e -> keys.add(e.getKey()));
        keys.sort(null);
        StringJoiner s = new StringJoiner(" ", "map[", "]");
        for (String k : keys) {
          s.add(k + ":" + format(v.get(k)));
        }
        return s.toString();
      }
      case SLICE:
        return formatList(iterate(v));
      case "string":
        return v.textValue();
      case "float64":
        return formatFloat(v.doubleValue());
      default:
        return v.asText();
    }
  }

  /** {@code fmt.Sprint} of a Go slice of values: {@code [a b c]}. */
  static String formatList(Iterable<JsonNode> values) {
    StringJoiner s = new StringJoiner(" ", "[", "]");
    for (JsonNode e : values) {
      s.add(format(e));
    }
    return s.toString();
  }

  /** {@code fmt.Sprintf("%s", v)}: strings as they are, anything else as Go's bad-verb notation. */
  static String formatS(JsonNode v) {
    String t = type(v);
    if (t == null) {
      return "%!s(<nil>)";
    }
    return t.equals("string") ? v.textValue() : "%!s(" + t + "=" + format(v) + ")";
  }

  /** {@code reflect.TypeOf(v)} printed with {@code %s}. */
  static String typeName(JsonNode v) {
    String t = type(v);
    return t == null ? "%!s(<nil>)" : t;
  }

  static Iterable<JsonNode> iterate(JsonNode array) {
    return array::elements;
  }

  /** A snapshot of an object's fields, safe to iterate while the object changes. */
  static List<Map.Entry<String, JsonNode>> fields(JsonNode object) {
    return new ArrayList<>(object.properties());
  }

  /** Go's {@code %v} of a float64 is the shortest representation, without a trailing {@code .0}. */
  private static String formatFloat(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      return Long.toString((long) d);
    }
    return Double.toString(d).replace("E", "e+").replace("e+-", "e-");
  }
}
