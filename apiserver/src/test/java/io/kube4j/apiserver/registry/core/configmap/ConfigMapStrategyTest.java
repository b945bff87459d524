package io.kube4j.apiserver.registry.core.configmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kube4j.apiserver.api.FieldError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigMapStrategyTest {

  private final ConfigMapStrategy strategy = new ConfigMapStrategy();

  private static ConfigMap cm(String name, Map<String, String> data) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("default").withResourceVersion("1")
        .endMetadata().withData(data).build();
  }

  @Test
  void badNameIsReportedWithTheSubdomainRule() {
    assertThat(strategy.validate(cm("Bad_Name", Map.of()))).extracting(FieldError::message).containsExactly(
        "metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. "
            + "'example.com', regex used for validation is "
            + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
  }

  @Test
  void keysMustBeUsableAsFileNames() {
    assertThat(strategy.validate(cm("c", Map.of("a/b", "x")))).extracting(FieldError::message).containsExactly(
        "data[a/b]: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or "
            + "'.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  }

  @Test
  void moreThanOneMebibyteIsTooLong() {
    assertThat(strategy.validate(cm("c", Map.of("big", "x".repeat(1024 * 1024 + 1))))).extracting(FieldError::message)
        .containsExactly("[]: Too long: must have at most 1048576 bytes");
  }

  @Test
  void immutableConfigMapKeepsItsData() {
    ConfigMap old = cm("c", Map.of("a", "1"));
    old.setImmutable(true);
    ConfigMap update = cm("c", Map.of("a", "2"));
    assertThat(strategy.validateUpdate(update, old)).extracting(FieldError::message).containsExactly(
        "immutable: Forbidden: field is immutable when `immutable` is set",
        "data: Forbidden: field is immutable when `immutable` is set");
  }
}
