package io.kube4j.apiserver.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PatchTypeTest {

  record Case(String name, String header, Optional<PatchType> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("json patch", "application/json-patch+json", Optional.of(PatchType.JSON_PATCH)),
        new Case("merge patch", "application/merge-patch+json", Optional.of(PatchType.MERGE_PATCH)),
        new Case("strategic merge patch", "application/strategic-merge-patch+json",
            Optional.of(PatchType.STRATEGIC_MERGE_PATCH)),
        new Case("server-side apply", "application/apply-patch+yaml", Optional.of(PatchType.APPLY_PATCH)),
        new Case("parameters are ignored", "application/merge-patch+json; charset=utf-8",
            Optional.of(PatchType.MERGE_PATCH)),
        new Case("plain JSON is no patch type", "application/json", Optional.empty()),
        new Case("CBOR apply is not served", "application/apply-patch+cbor", Optional.empty()),
        new Case("no header", null, Optional.empty()),
        new Case("an empty header", "", Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsPatchTypeFromContentType(Case c) {
    assertThat(PatchType.fromContentType(c.header())).isEqualTo(c.expected());
  }
}
