package io.kube4j.apiserver.runtime.protobuf;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.kube4j.apiserver.api.StatusException;
import io.kubernetes.client.proto.Runtime.Unknown;
import java.io.IOException;

/**
 * Turns a Kubernetes protobuf body ({@code application/vnd.kubernetes.protobuf}) into the JSON
 * object a JSON client would have sent, so that everything after the HTTP layer handles JSON only.
 * kubectl 1.32 and client-go send protobuf for every typed create and update, and a 415 answer is
 * fatal to them: client-go never falls back to JSON.
 *
 * <p>The wire format ({@code runtime/serializer/protobuf/protobuf.go}): the 4-byte magic
 * {@code 6b 38 73 00} ({@code "k8s\0"}), then a {@code runtime.Unknown} message whose
 * {@code typeMeta} names apiVersion and kind and whose {@code raw} is the object message from
 * {@code k8s.io/api/<group>/<version>/generated.proto} ({@link ProtoScheme} finds it).
 *
 * <p>The object is written as Go's {@code encoding/json} would write the Go object the client
 * encoded ({@link MessageToJson}). The protobuf side writes every non-pointer Go field, so an
 * empty string, a zero or {@code false} usually means "unset" and is dropped, the way
 * {@code omitempty} drops it; but a zero that was set through a Go pointer ({@code replicas: 0},
 * {@code automountServiceAccountToken: false}) is kept. {@link GoJsonTags} holds the per-field
 * exceptions to "drop empty strings, keep zero numbers and booleans", the {@code inline} fields
 * and the few field names that differ between protobuf and JSON. Nested messages are kept even
 * when empty, as Go's JSON keeps non-pointer structs ({@code "resources":{}}); a zero
 * {@code Time} is dropped ({@code creationTimestamp: null}).
 *
 * <p>Thread-safe and stateless; the message schema is built once, on first use.
 */
public final class ProtobufDecoder {

  private static final byte[] MAGIC = {0x6b, 0x38, 0x73, 0x00};

  private final MessageToJson messageToJson = new MessageToJson(this::decodeNested);

  /**
   * Decodes a {@code k8s\0} + {@code runtime.Unknown} body into the object's JSON form with
   * {@code apiVersion} and {@code kind} set. {@code expectedApiVersion} and {@code expectedKind}
   * (from the request path) stand in for an empty {@code typeMeta}, as upstream's defaulting does;
   * a body that names another kind keeps its own, and the caller checks it against the request as
   * it does for a JSON body.
   *
   * @throws StatusException 400 BadRequest for a body that is not a well-formed protobuf object,
   *     415 UnsupportedMediaType for a kind that has no protobuf message
   */
  public ObjectNode decode(byte[] body, String expectedApiVersion, String expectedKind) {
    if (body.length == 0) {
      throw StatusException.badRequest("empty data");
    }
    if (!hasMagic(ByteString.copyFrom(body, 0, Math.min(body.length, MAGIC.length)))) {
      throw StatusException.badRequest(
          "provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]");
    }
    if (body.length == MAGIC.length) {
      throw StatusException.badRequest("empty body");
    }
    Unknown envelope = parseEnvelope(body);
    String apiVersion = envelope.getTypeMeta().getApiVersion();
    String kind = envelope.getTypeMeta().getKind();
    // copyKindDefaults: the request's kind and version fill in what the envelope left empty.
    if (kind.isEmpty()) {
      kind = nullToEmpty(expectedKind);
    }
    if (apiVersion.isEmpty()) {
      apiVersion = nullToEmpty(expectedApiVersion);
    }
    if (kind.isEmpty()) {
      throw StatusException.badRequest("Object 'Kind' is missing in '" + goTypeMeta(envelope) + "'");
    }
    if (apiVersion.isEmpty()) {
      throw StatusException.badRequest(
          "Object 'apiVersion' is missing in '" + goTypeMeta(envelope) + "'");
    }
    Descriptor type = ProtoScheme.get().messageFor(apiVersion, kind)
        .orElseThrow(() -> StatusException.unsupportedMediaType("application/vnd.kubernetes.protobuf"));

    ObjectNode object = JsonNodeFactory.instance.objectNode();
    object.put("apiVersion", apiVersion);
    object.put("kind", kind);
    messageToJson.writeFields(parseObject(type, envelope.getRaw()), object);
    return object;
  }

  static boolean hasMagic(ByteString bytes) {
    return bytes.size() >= MAGIC.length && bytes.substring(0, MAGIC.length).equals(ByteString.copyFrom(MAGIC));
  }

  /** An object embedded in a RawExtension in protobuf form: it names its own kind. */
  private ObjectNode decodeNested(byte[] body) {
    return decode(body, "", "");
  }

  private static Unknown parseEnvelope(byte[] body) {
    try {
      return Unknown.parseFrom(CodedInputStream.newInstance(body, MAGIC.length, body.length - MAGIC.length));
    } catch (IOException e) {
      throw StatusException.badRequest(e.getMessage());
    }
  }

  private static DynamicMessage parseObject(Descriptor type, ByteString raw) {
    try {
      return DynamicMessage.parseFrom(type, raw);
    } catch (InvalidProtocolBufferException e) {
      throw StatusException.badRequest(e.getMessage());
    }
  }

  /** How Go's {@code %#v} prints the envelope's TypeMeta in the missing-kind errors. */
  private static String goTypeMeta(Unknown envelope) {
    return "runtime.TypeMeta{APIVersion:\"" + envelope.getTypeMeta().getApiVersion()
        + "\", Kind:\"" + envelope.getTypeMeta().getKind() + "\"}";
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
