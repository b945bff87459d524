package io.kube4j.apiserver.endpoints.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube4j.apiserver.api.StatusException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OutputFormatTest {

  record Case(String name, List<String> accept, OutputFormat expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("no Accept header", List.of(), OutputFormat.JSON),
        new Case("kubectl get asks for a Table first",
            List.of("application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"),
            OutputFormat.TABLE),
        new Case("typed clients list protobuf, then JSON", List.of("application/vnd.kubernetes.protobuf,application/json"),
            OutputFormat.JSON),
        new Case("yaml", List.of("application/yaml"), OutputFormat.YAML),
        new Case("anything", List.of("*/*"), OutputFormat.JSON),
        new Case("an unsupported conversion falls through to JSON",
            List.of("application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json"),
            OutputFormat.JSON));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void picksTheFirstFormatItCanProduce(Case c) {
    assertThat(OutputFormat.negotiate(c.accept())).isEqualTo(c.expected());
  }

  @Test
  void onlyProtobufIsNotAcceptable() {
    assertThatThrownBy(() -> OutputFormat.negotiate(List.of("application/vnd.kubernetes.protobuf")))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(406));
  }
}
