package io.kube4j.apiserver.authn.x509;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube4j.apiserver.authn.AuthenticationResult;
import io.kube4j.apiserver.authn.Credentials;
import io.kube4j.pki.ca.CertificateAuthority;
import io.kube4j.pki.cert.CertConfig;
import io.kube4j.pki.cert.KeyAlgorithm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class X509AuthenticatorTest {

  static final CertificateAuthority CA = CertificateAuthority.create("kubernetes", KeyAlgorithm.ECDSA_P256, Clock.systemUTC());
  static final X509Authenticator AUTHN = new X509Authenticator(List.of(CA.certificate()));

  private static Credentials presenting(CertificateAuthority ca, CertConfig config) {
    return new Credentials(List.of(ca.issue(config, KeyAlgorithm.ECDSA_P256).certificate()), Optional.empty());
  }

  @Test
  void namesTheUserByCommonNameAndGroupsByOrganization() {
    Credentials c = presenting(CA, CertConfig.client("alice", List.of("devs", "ops")));

    AuthenticationResult r = AUTHN.authenticate(c);
    AuthenticationResult again = AUTHN.authenticate(c);

    assertThat(r).isInstanceOfSatisfying(AuthenticationResult.Authenticated.class, a -> {
      assertThat(a.user().name()).isEqualTo("alice");
      assertThat(a.user().groups()).containsExactly("devs", "ops");
    });
    assertThat(again).isEqualTo(r);
  }

  @Test
  void rejectsACertificateFromAnotherCa() {
    CertificateAuthority stranger = CertificateAuthority.create("stranger", KeyAlgorithm.ECDSA_P256, Clock.systemUTC());
    assertThat(AUTHN.authenticate(presenting(stranger, CertConfig.client("mallory", List.of("system:masters")))))
        .isInstanceOf(AuthenticationResult.Rejected.class);
  }

  @Test
  void rejectsAnExpiredCertificate() {
    Clock tenDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(10)), ZoneOffset.UTC);
    CertificateAuthority oldCa = CertificateAuthority.of(CA.certAndKey(), tenDaysAgo);
    Credentials expired = presenting(oldCa, CertConfig.client("bob", List.of()).withValidity(Duration.ofDays(1)));
    assertThat(AUTHN.authenticate(expired)).isInstanceOf(AuthenticationResult.Rejected.class);
  }

  @Test
  void hasNoOpinionWithoutACertificate() {
    assertThat(AUTHN.authenticate(Credentials.NONE)).isInstanceOf(AuthenticationResult.NoOpinion.class);
  }
}
