package io.kube4j.apiserver.printers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube4j.apiserver.api.StatusException;
import org.junit.jupiter.api.Test;

class IncludeObjectTest {

  @Test
  void absentOrEmptyMeansMetadata() {
    assertThat(IncludeObject.fromQueryParameter(null)).isEqualTo(IncludeObject.METADATA);
    assertThat(IncludeObject.fromQueryParameter("")).isEqualTo(IncludeObject.METADATA);
  }

  @Test
  void parsesTheThreePolicies() {
    assertThat(IncludeObject.fromQueryParameter("None")).isEqualTo(IncludeObject.NONE);
    assertThat(IncludeObject.fromQueryParameter("Metadata")).isEqualTo(IncludeObject.METADATA);
    assertThat(IncludeObject.fromQueryParameter("Object")).isEqualTo(IncludeObject.OBJECT);
  }

  @Test
  void rejectsAnUnknownValueAsABadRequest() {
    assertThatThrownBy(() -> IncludeObject.fromQueryParameter("object"))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(400))
        .hasMessage("unrecognized includeObject value: \"object\"");
  }
}
