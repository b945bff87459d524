package io.kube4j.apiserver.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceVersionSpliceTest {

  record Case(String name, String stored) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("metadata after kind", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"},\"data\":{\"k\":\"v\"}}"),
        new Case("empty metadata", "{\"kind\":\"X\",\"metadata\":{}}"),
        new Case("a nested metadata field comes first", "{\"spec\":{\"metadata\":{\"x\":1}},\"metadata\":{\"name\":\"a\"}}"),
        new Case("a string that looks like metadata", "{\"kind\":\"\\\"metadata\\\":{\",\"metadata\":{\"name\":\"a\"}}"),
        new Case("multi-byte characters before metadata", "{\"kind\":\"Ünïcødé ✓\",\"metadata\":{\"name\":\"a\"}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void addsResourceVersionToTheTopLevelMetadataOnly(Case c) throws Exception {
    ObjectMapper json = new ObjectMapper();
    var expected = json.readTree(c.stored());
    ((com.fasterxml.jackson.databind.node.ObjectNode) expected.get("metadata")).put("resourceVersion", "42");

    byte[] stamped = ResourceVersionSplice.stamp(c.stored().getBytes(StandardCharsets.UTF_8), 42);

    assertThat(json.readTree(stamped)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void stampsWhenTheStoredObjectHasNoResourceVersion(Case c) {
    assertThat(ResourceVersionSplice.stampIfAbsent(c.stored().getBytes(StandardCharsets.UTF_8), 42)).isPresent();
  }

  @org.junit.jupiter.api.Test
  void leavesAnObjectThatAlreadyNamesAResourceVersionToBeReEncoded() {
    String stored = "{\"metadata\":{\"labels\":{\"resourceVersion\":\"x\"},\"name\":\"a\",\"resourceVersion\":\"7\"}}";
    assertThat(ResourceVersionSplice.stampIfAbsent(stored.getBytes(StandardCharsets.UTF_8), 42)).isEmpty();
    String labelOnly = "{\"metadata\":{\"labels\":{\"resourceVersion\":\"x\"},\"name\":\"a\"}}";
    assertThat(ResourceVersionSplice.stampIfAbsent(labelOnly.getBytes(StandardCharsets.UTF_8), 42)).isPresent();
  }
}
