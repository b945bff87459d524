package io.kube4j.apiserver.endpoints.negotiation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.runtime.Codec;
import io.kube4j.apiserver.runtime.GoJson;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request body into a JSON tree according to its {@code Content-Type}: JSON (also when the
 * header is missing, as upstream treats an empty type as the first supported one), YAML, or
 * Kubernetes protobuf; anything else is 415.
 *
 * <p>A body that cannot be read far enough to learn its kind is a 400 worded as upstream's
 * {@code transformDecodeError}: {@code the object provided is unrecognized (must be of type
 * ConfigMap): <decoder error> (<the first 30 bytes>)}, the decoder error in Go's words
 * ({@code couldn't get version/kind; json parse error: unexpected end of JSON input}).
 */
public final class BodyDecoder {

  public static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

  /** The struct {@code json.SimpleMetaFactory.Interpret} unmarshals a body into to find its kind. */
  private static final String FIND_KIND = "struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; "
      + "Kind string \"json:\\\"kind,omitempty\\\"\" }";

  /**
   * A sentence of a SnakeYAML error and the 1-based line it points at; the message holds the
   * context ({@code while scanning a simple key}) first and the problem last, each followed by its mark.
   */
  private static final Pattern YAML_SENTENCE = Pattern.compile("(?m)^(\\S.*)\\n in '[^']*', line (\\d+), column");

  private final Codec codec;
  private final ProtobufBodyDecoder protobuf;

  public BodyDecoder(Codec codec, ProtobufBodyDecoder protobuf) {
    this.codec = codec;
    this.protobuf = protobuf;
  }

  /**
   * @param contentType the request's Content-Type header, possibly empty
   * @param expectedApiVersion used when a protobuf body carries no type information
   * @param expectedKind likewise; and named in the 400 for a body that does not decode
   */
  /** A body decoded and bound to a model class: for handlers outside the generic store (reviews). */
  public <T> T decodeAs(String contentType, byte[] body, String apiVersion, String kind, Class<T> type) {
    return codec.bind(decode(contentType, body, apiVersion, kind), type);
  }

  public JsonNode decode(String contentType, byte[] body, String expectedApiVersion, String expectedKind) {
    String media = mediaType(contentType);
    return switch (media) {
      case "", "application/json", "*/*" -> findKind(json(body, expectedKind), body, expectedKind);
      case "application/yaml" -> findKind(yaml(body, expectedKind), body, expectedKind);
      case PROTOBUF -> protobuf(body, expectedApiVersion, expectedKind);
      default -> throw StatusException.unsupportedMediaType(contentType);
    };
  }

  private static JsonNode json(byte[] body, String expectedKind) {
    try {
      return GoJson.parse(body);
    } catch (GoJson.SyntaxError e) {
      throw unrecognized(expectedKind, "couldn't get version/kind; json parse error: " + e.getMessage(), body);
    }
  }

  /** {@code yaml.YAMLToJSON}: an empty document is JSON {@code null}, which decodes as an empty object. */
  private JsonNode yaml(byte[] body, String expectedKind) {
    try {
      JsonNode n = codec.yaml().readTree(body);
      return n == null || n.isMissingNode() || n.isNull() ? codec.json().createObjectNode() : n;
    } catch (JsonProcessingException e) {
      throw unrecognized(expectedKind, goYaml(e.getOriginalMessage()), body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code Interpret}: only an object has a kind; anything else fails Go's unmarshal into {@link #FIND_KIND}. */
  private static JsonNode findKind(JsonNode tree, byte[] body, String expectedKind) {
    if (!tree.isObject()) {
      throw unrecognized(expectedKind, "couldn't get version/kind; json parse error: "
          + GoJson.cannotUnmarshal(tree, FIND_KIND), body);
    }
    return tree;
  }

  /**
   * Protobuf failures are reported as failures to learn the kind; upstream says so too for a bad
   * envelope, but names the kind when only the object inside it is bad.
   */
  private JsonNode protobuf(byte[] body, String expectedApiVersion, String expectedKind) {
    try {
      return protobuf.decode(body, expectedApiVersion, expectedKind);
    } catch (StatusException e) {
      if (e.code() != 400) {
        throw e;
      }
      throw unrecognized(expectedKind, e.getMessage(), body);
    }
  }

  private static StatusException unrecognized(String kind, String why, byte[] body) {
    return StatusException.badRequest("the object provided is unrecognized (must be of type " + kind + "): " + why
        + " (" + summarize(body) + ")");
  }

  /** {@code summarizeData(body, 30)}: a JSON object as text, anything else as hex; cut at 30 bytes. */
  private static String summarize(byte[] body) {
    if (body.length == 0) {
      return "<empty>";
    }
    int n = Math.min(body.length, 30);
    String head = body[0] == '{' ? new String(body, 0, n, java.nio.charset.StandardCharsets.UTF_8)
        : HexFormat.of().formatHex(body, 0, n);
    return body.length > n ? head + " ..." : head;
  }

  /**
   * A YAML syntax error in go-yaml's words, {@code yaml: line 4: mapping values are not allowed in
   * this context}: go-yaml names the 1-based line of a scanner error except on the first line. Only
   * the common scanner problems are reworded; others keep SnakeYAML's wording.
   */
  private static String goYaml(String snakeYamlMessage) {
    Matcher m = YAML_SENTENCE.matcher(snakeYamlMessage);
    String problem = null;
    int line = 0;
    while (m.find()) {
      problem = m.group(1).trim();
      line = Integer.parseInt(m.group(2));
    }
    if (problem == null) {
      return "yaml: " + snakeYamlMessage.lines().findFirst().orElse("");
    }
    if (problem.equals("mapping values are not allowed here")) {
      problem = "mapping values are not allowed in this context";
    } else if (problem.endsWith("that cannot start any token")) {
      problem = "found character that cannot start any token";
    }
    return "yaml: " + (line > 1 ? "line " + line + ": " : "") + problem;
  }

  /** {@code application/json; charset=utf-8} → {@code application/json}. */
  public static String mediaType(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }
}
