package io.kube4j.apiserver.runtime.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube4j.apiserver.api.StatusException;
import io.kubernetes.client.proto.V1;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bodies that are not protobuf, or not a message kube4j can decode: each refused with upstream's words. */
class ProtobufDecoderFailuresTest {

  private final ProtobufDecoder decoder = new ProtobufDecoder();

  record Failure(String name, byte[] body, int code, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Failure> failures() {
    byte[] configMap = Wire.envelope("v1", "ConfigMap", V1.ConfigMap.getDefaultInstance());
    byte[] truncated = java.util.Arrays.copyOf(configMap, configMap.length - 3);
    return Stream.of(
        new Failure("a JSON body", "{\"kind\":\"ConfigMap\"}".getBytes(StandardCharsets.UTF_8), 400,
            "provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]"),
        new Failure("a wrong magic", new byte[] {0x6b, 0x38, 0x73, 0x01, 0x0a, 0x00}, 400,
            "provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]"),
        new Failure("an empty body", new byte[0], 400, "empty data"),
        new Failure("the magic alone", new byte[] {0x6b, 0x38, 0x73, 0x00}, 400, "empty body"),
        new Failure("a truncated envelope", truncated, 400, null),
        new Failure("a malformed object message",
            Wire.envelope("v1", "ConfigMap", new byte[] {0x0a, 0x05, 0x61}), 400, null),
        new Failure("a kind with no protobuf message",
            Wire.envelope("example.com/v1", "Widget", new byte[0]), 415,
            "the body of the request was in an unknown format - accepted media types include: "
                + "application/json, application/yaml, application/vnd.kubernetes.protobuf"),
        new Failure("a core kind that does not exist",
            Wire.envelope("v1", "Deployment", new byte[0]), 415, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void rejects(Failure f) {
    assertThatThrownBy(() -> decoder.decode(f.body(), "v1", "ConfigMap"))
        .isInstanceOfSatisfying(StatusException.class, e -> {
          assertThat(e.code()).isEqualTo(f.code());
          if (f.message() != null) {
            assertThat(e.getMessage()).isEqualTo(f.message());
          }
        });
  }

  @Test
  void rejectsABodyThatNamesNoKindWhenTheRequestDoesNotEither() {
    byte[] body = Wire.envelope("v1", "", V1.ConfigMap.getDefaultInstance());

    assertThatThrownBy(() -> decoder.decode(body, "v1", ""))
        .isInstanceOfSatisfying(StatusException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.getMessage()).isEqualTo(
              "Object 'Kind' is missing in 'runtime.TypeMeta{APIVersion:\"v1\", Kind:\"\"}'");
        });
  }
}
