package io.kube4j.apiserver.authn.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.kube4j.apiserver.authn.AuthenticationResult;
import io.kube4j.apiserver.authn.Credentials;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BootstrapTokenAuthenticatorTest {

  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final String TOKEN = "abcdef.0123456789abcdef";

  @Test
  void aValidTokenIsTheBootstrapUserWithItsGroups() {
    AuthenticationResult r = authenticate(secret(Map.of()), TOKEN);
    assertThat(r).isInstanceOfSatisfying(AuthenticationResult.Authenticated.class, ok -> {
      assertThat(ok.user().name()).isEqualTo("system:bootstrap:abcdef");
      assertThat(ok.user().groups()).containsExactly("system:bootstrappers", "system:bootstrappers:kube4j:nodes");
    });
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("wrong secret part", Map.of(), "abcdef.0123456789abcdee"),
        Arguments.of("not a bootstrap token", Map.of(), "s3cret"),
        Arguments.of("expired", Map.of("expiration", "2026-11-23T11:59:59Z"), TOKEN),
        Arguments.of("not for authentication", Map.of("usage-bootstrap-authentication", "false"), TOKEN),
        Arguments.of("an extra group outside system:bootstrappers", Map.of("auth-extra-groups", "system:masters"),
            TOKEN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void aTokenThatDoesNotCheckOutIsNotRecognised(String name, Map<String, String> overrides, String token) {
    assertThat(authenticate(secret(overrides), token)).isInstanceOf(AuthenticationResult.NoOpinion.class);
  }

  @Test
  void aSecretOfAnotherTypeIsNotABootstrapToken() {
    Secret opaque = new SecretBuilder(secret(Map.of())).withType("Opaque").build();
    assertThat(authenticate(opaque, TOKEN)).isInstanceOf(AuthenticationResult.NoOpinion.class);
  }

  private static AuthenticationResult authenticate(Secret secret, String token) {
    return new BootstrapTokenAuthenticator(
        name -> name.equals(secret.getMetadata().getName()) ? Optional.of(secret) : Optional.empty(),
        Clock.fixed(NOW, ZoneOffset.UTC)).authenticate(new Credentials(List.of(), Optional.of(token)));
  }

  private static Secret secret(Map<String, String> overrides) {
    Map<String, String> plain = new HashMap<>(Map.of("token-id", "abcdef", "token-secret", "0123456789abcdef",
        "expiration", "2026-11-24T12:00:00Z", "usage-bootstrap-authentication", "true",
        "auth-extra-groups", "system:bootstrappers:kube4j:nodes"));
    plain.putAll(overrides);
    Map<String, String> data = new HashMap<>();
    plain.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder().withNewMetadata().withName("bootstrap-token-abcdef").withNamespace("kube-system")
        .endMetadata().withType("bootstrap.kubernetes.io/token").withData(data).build();
  }
}
