package io.kube4j.apiserver.registry.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.kube4j.apiserver.api.FieldError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretStrategyTest {

  private final SecretStrategy strategy = new SecretStrategy();

  private static Secret secret(String type) {
    return new SecretBuilder().withNewMetadata().withName("s").withNamespace("default").withResourceVersion("1")
        .endMetadata().withType(type).build();
  }

  @Test
  void typeDefaultsToOpaqueAndStringDataIsFoldedIntoData() {
    Secret s = secret(null);
    s.setData(Map.of("a", "eA=="));
    s.setStringData(Map.of("a", "hello", "b", "world"));
    strategy.applyDefaults(s);
    assertThat(s.getType()).isEqualTo("Opaque");
    assertThat(s.getStringData()).isNull();
    assertThat(s.getData()).containsEntry("a", "aGVsbG8=").containsEntry("b", "d29ybGQ=");
    assertThat(strategy.validate(s)).isEmpty();
  }

  @Test
  void tlsSecretNeedsCertAndKey() {
    assertThat(strategy.validate(secret("kubernetes.io/tls"))).extracting(FieldError::message)
        .containsExactly("data[tls.crt]: Required value", "data[tls.key]: Required value");
  }

  @Test
  void typeIsImmutable() {
    assertThat(strategy.validateUpdate(secret("Opaque"), secret("kubernetes.io/tls"))).extracting(FieldError::message)
        .contains("type: Invalid value: \"Opaque\": field is immutable");
  }

  @Test
  void selectableByType() {
    assertThat(strategy.selectableFields(secret("Opaque"))).isEqualTo(Map.of("type", "Opaque"));
  }
}
