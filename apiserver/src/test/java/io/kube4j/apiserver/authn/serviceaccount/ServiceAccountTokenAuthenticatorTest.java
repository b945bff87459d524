package io.kube4j.apiserver.authn.serviceaccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube4j.apiserver.authn.AuthenticationResult;
import io.kube4j.apiserver.authn.Credentials;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceAccountTokenAuthenticatorTest {

  static final String ISSUER = "https://kubernetes.default.svc.cluster.local";
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final KeyPair KEYS = keys();

  final Map<String, String> uids = new java.util.HashMap<>(Map.of("ServiceAccount/dev/builder", "sa-uid"));
  final TokenIssuer issuer = new TokenIssuer(ISSUER, KEYS.getPrivate(), KEYS.getPublic());

  @Test
  void aValidTokenIsItsServiceAccount() {
    AuthenticationResult r = authenticator(NOW).authenticate(bearer(token(List.of(ISSUER), 600)));
    assertThat(r).isInstanceOfSatisfying(AuthenticationResult.Authenticated.class, ok -> {
      assertThat(ok.user().name()).isEqualTo("system:serviceaccount:dev:builder");
      assertThat(ok.user().uid()).isEqualTo("sa-uid");
      assertThat(ok.user().groups()).containsExactly("system:serviceaccounts", "system:serviceaccounts:dev");
      assertThat(ok.user().extra()).containsKey("authentication.kubernetes.io/credential-id");
    });
  }

  @Test
  void anExpiredTokenIsRejected() {
    AuthenticationResult r = authenticator(NOW.plusSeconds(601)).authenticate(bearer(token(List.of(ISSUER), 600)));
    assertThat(r).isEqualTo(new AuthenticationResult.Rejected("token has expired"));
  }

  @Test
  void aTokenForAnotherAudienceIsRejected() {
    assertThat(authenticator(NOW).authenticate(bearer(token(List.of("vault"), 600))))
        .isInstanceOf(AuthenticationResult.Rejected.class);
  }

  @Test
  void aTokenOfARecreatedAccountIsRejected() {
    uids.put("ServiceAccount/dev/builder", "another-uid");
    assertThat(authenticator(NOW).authenticate(bearer(token(List.of(ISSUER), 600))))
        .isInstanceOf(AuthenticationResult.Rejected.class);
  }

  @Test
  void whatIsNotOurTokenIsNoOpinion() {
    TokenIssuer other = new TokenIssuer("https://elsewhere", KEYS.getPrivate(), KEYS.getPublic());
    String foreign = other.sign(new BoundToken("dev", "builder", "sa-uid", List.of(ISSUER), NOW, NOW.plusSeconds(60),
        Optional.empty(), Optional.empty(), Optional.empty(), "x"));
    assertThat(authenticator(NOW).authenticate(bearer(foreign))).isInstanceOf(AuthenticationResult.NoOpinion.class);
    assertThat(authenticator(NOW).authenticate(bearer("s3cret"))).isInstanceOf(AuthenticationResult.NoOpinion.class);
  }

  private ServiceAccountTokenAuthenticator authenticator(Instant now) {
    return new ServiceAccountTokenAuthenticator(ISSUER, List.of((RSAPublicKey) KEYS.getPublic()), List.of(ISSUER),
        (kind, ns, name) -> Optional.ofNullable(uids.get(kind + "/" + ns + "/" + name)),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  private String token(List<String> audiences, long seconds) {
    return issuer.sign(new BoundToken("dev", "builder", "sa-uid", audiences, NOW, NOW.plusSeconds(seconds),
        Optional.empty(), Optional.empty(), Optional.empty(), "id-1"));
  }

  private static Credentials bearer(String token) {
    return new Credentials(List.of(), Optional.of(token));
  }

  private static KeyPair keys() {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(2048);
      return gen.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
