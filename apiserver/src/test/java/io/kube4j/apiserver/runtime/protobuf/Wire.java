package io.kube4j.apiserver.runtime.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.Runtime.TypeMeta;
import io.kubernetes.client.proto.Runtime.Unknown;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Protobuf bytes written by hand, field number by field number, the way the notes write wire
 * dumps ({@code [[1,"a1"],[7,0]]}): lets a test state the exact bytes a Go client sends, including
 * the zero values Go writes, and build messages client-java-proto has no class for.
 */
final class Wire {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

  static Wire message() {
    return new Wire();
  }

  Wire string(int field, String value) {
    return write(() -> out.writeString(field, value));
  }

  Wire varint(int field, long value) {
    return write(() -> out.writeInt64(field, value));
  }

  Wire bytes(int field, byte[] value) {
    return write(() -> out.writeByteArray(field, value));
  }

  Wire message(int field, Wire value) {
    return write(() -> out.writeBytes(field, ByteString.copyFrom(value.toByteArray())));
  }

  byte[] toByteArray() {
    write(() -> { });
    return bytes.toByteArray();
  }

  private Wire write(IoAction action) {
    try {
      action.run();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private interface IoAction {
    void run() throws IOException;
  }

  /** {@code k8s\0} + runtime.Unknown around {@code raw}, with the empty strings Go writes. */
  static byte[] envelope(String apiVersion, String kind, byte[] raw) {
    byte[] unknown = Unknown.newBuilder()
        .setTypeMeta(TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
        .setRaw(ByteString.copyFrom(raw))
        .setContentEncoding("")
        .setContentType("")
        .build()
        .toByteArray();
    byte[] body = new byte[4 + unknown.length];
    body[0] = 0x6b;
    body[1] = 0x38;
    body[2] = 0x73;
    body[3] = 0x00;
    System.arraycopy(unknown, 0, body, 4, unknown.length);
    return body;
  }

  static byte[] envelope(String apiVersion, String kind, Message object) {
    return envelope(apiVersion, kind, object.toByteArray());
  }
}
