package io.kube4j.apiserver.storage.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EncryptionConfigurationTest {

  static final String KEY1 = Base64.getEncoder().encodeToString(new byte[32]);
  static final String KEY2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  static final byte[] SECRET = "{\"kind\":\"Secret\",\"data\":{\"p\":\"aHVudGVyMg==\"}}".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aescbc", "aesgcm", "secretbox"})
  void eachProviderRoundTripsAndPrefixesWhatItWrites(String provider) throws IOException {
    Transformer t = EncryptionConfiguration.read(config(provider, "key1", KEY1, true)).get("secrets");
    byte[] stored = t.toStorage(SECRET, "/registry/secrets/dev/s");
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).startsWith("k8s:enc:" + provider + ":v1:key1:")
        .doesNotContain("aHVudGVyMg");
    assertThat(t.fromStorage(stored, "/registry/secrets/dev/s")).isEqualTo(SECRET);
  }

  @Test
  void identityListedSecondStillReadsOldPlaintext() throws IOException {
    Transformer t = EncryptionConfiguration.read(config("aescbc", "key1", KEY1, true)).get("secrets");
    assertThat(t.fromStorage(SECRET, "/registry/secrets/dev/s")).isEqualTo(SECRET);
  }

  @Test
  void aValueEncryptedWithAKeyNoLongerConfiguredDoesNotRead() throws IOException {
    byte[] stored = EncryptionConfiguration.read(config("aesgcm", "key1", KEY1, false)).get("secrets")
        .toStorage(SECRET, "/registry/secrets/dev/s");
    Transformer rotated = EncryptionConfiguration.read(config("aesgcm", "key2", KEY2, false)).get("secrets");
    assertThatThrownBy(() -> rotated.fromStorage(stored, "/registry/secrets/dev/s"))
        .hasMessage("no matching prefix found");
  }

  @Test
  void gcmBindsTheValueToItsKey() throws IOException {
    Transformer t = EncryptionConfiguration.read(config("aesgcm", "key1", KEY1, false)).get("secrets");
    byte[] stored = t.toStorage(SECRET, "/registry/secrets/dev/a");
    assertThatThrownBy(() -> t.fromStorage(stored, "/registry/secrets/dev/b")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aBadKeyStopsTheApiserverWithAClearMessage() throws IOException {
    Path bad = config("aescbc", "key1", Base64.getEncoder().encodeToString(new byte[7]), false);
    assertThatThrownBy(() -> EncryptionConfiguration.read(bad))
        .hasMessageContaining("aescbc key \"key1\"").hasMessageContaining("got 7");
  }

  private Path config(String provider, String name, String secret, boolean identity) throws IOException {
    String yaml = """
        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        resources:
        - resources: [secrets]
          providers:
          - %s:
              keys: [{name: %s, secret: %s}]
        """.formatted(provider, name, secret) + (identity ? "  - identity: {}\n" : "");
    return Files.writeString(dir.resolve("enc-" + provider + name + identity + ".yaml"), yaml);
  }
}
