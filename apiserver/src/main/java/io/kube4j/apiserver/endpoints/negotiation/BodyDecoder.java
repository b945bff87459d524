package io.kube4j.apiserver.endpoints.negotiation;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.runtime.Codec;
import java.util.Locale;

/**
 * Turns a request body into a JSON tree according to its {@code Content-Type}: JSON (also when the
 * header is missing, as upstream treats an empty type as the first supported one), YAML, or
 * Kubernetes protobuf; anything else is 415.
 */
public final class BodyDecoder {

  public static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

  private final Codec codec;
  private final ProtobufBodyDecoder protobuf;

  public BodyDecoder(Codec codec, ProtobufBodyDecoder protobuf) {
    this.codec = codec;
    this.protobuf = protobuf;
  }

  /**
   * @param contentType the request's Content-Type header, possibly empty
   * @param expectedApiVersion used when a protobuf body carries no type information
   * @param expectedKind likewise
   */
  public JsonNode decode(String contentType, byte[] body, String expectedApiVersion, String expectedKind) {
    String media = mediaType(contentType);
    return switch (media) {
      case "", "application/json", "*/*" -> codec.parseJson(body);
      case "application/yaml", "application/x-yaml", "text/yaml" -> codec.parseYaml(body);
      case PROTOBUF -> protobuf.decode(body, expectedApiVersion, expectedKind);
      default -> throw StatusException.unsupportedMediaType(contentType);
    };
  }

  /** {@code application/json; charset=utf-8} → {@code application/json}. */
  public static String mediaType(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }
}
