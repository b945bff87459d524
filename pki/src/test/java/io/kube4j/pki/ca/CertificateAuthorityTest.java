package io.kube4j.pki.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube4j.pki.cert.AltNames;
import io.kube4j.pki.cert.CertAndKey;
import io.kube4j.pki.cert.CertConfig;
import io.kube4j.pki.cert.KeyAlgorithm;
import java.net.InetAddress;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final CertificateAuthority ca = CertificateAuthority.create("kubernetes", KeyAlgorithm.ECDSA_P256, clock);

  @Test
  void createsASelfSignedCaValidForTenYears() throws Exception {
    X509Certificate cert = ca.certificate();

    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=kubernetes");
    assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
    assertThat(cert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(cert.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3650)));
    assertThat(cert.getNotBefore().toInstant()).isBefore(NOW);
    cert.verify(cert.getPublicKey());
  }

  @Test
  void issuesClientCertificatesThatValidateAgainstTheCa() throws Exception {
    CertAndKey issued = ca.issue(CertConfig.client("alice", List.of("dev", "ops")), KeyAlgorithm.ECDSA_P256);

    validate(issued.certificate(), ca.certificate());
    assertThat(issued.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=alice,O=ops,O=dev");
    assertThat(issued.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(issued.certificate().getBasicConstraints()).isEqualTo(-1);
    assertThat(issued.keyMatchesCertificate()).isTrue();
    assertThat(ca.issued(issued.certificate())).isTrue();
  }

  @Test
  void issuesServingCertificatesWithTheirAlternativeNames() throws Exception {
    AltNames names = new AltNames(List.of("localhost", "kubernetes"),
        List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")));

    X509Certificate cert = ca.issue(CertConfig.server("kube-apiserver", names), KeyAlgorithm.ECDSA_P256).certificate();

    assertThat(cert.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
        List.of(2, "localhost"), List.of(2, "kubernetes"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    validate(cert, ca.certificate());
  }

  @Test
  void neverIssuesACertificateOutlivingTheCa() {
    CertConfig longLived = CertConfig.client("bob", List.of()).withValidity(Duration.ofDays(20_000));

    X509Certificate cert = ca.issue(longLived, KeyAlgorithm.ECDSA_P256).certificate();

    assertThat(cert.getNotAfter()).isEqualTo(ca.certificate().getNotAfter());
  }

  @Test
  void givesRsaLeafKeysKeyEnciphermentAndEcdsaLeafKeysOnlyDigitalSignature() {
    boolean[] rsa = ca.issue(CertConfig.client("r", List.of()), KeyAlgorithm.RSA_2048).certificate().getKeyUsage();
    boolean[] ec = ca.issue(CertConfig.client("e", List.of()), KeyAlgorithm.ECDSA_P256).certificate().getKeyUsage();

    assertThat(rsa[0] && rsa[2]).as("digitalSignature and keyEncipherment").isTrue();
    assertThat(ec[0] && !ec[2]).as("digitalSignature only").isTrue();
  }

  @Test
  void doesNotClaimCertificatesOfAnotherCa() {
    CertificateAuthority other = CertificateAuthority.create("kubernetes", KeyAlgorithm.ECDSA_P256, clock);

    X509Certificate foreign = other.issue(CertConfig.client("mallory", List.of()), KeyAlgorithm.ECDSA_P256).certificate();

    assertThat(ca.issued(foreign)).isFalse();
  }

  @Test
  void refusesACaKeyThatDoesNotMatchItsCertificate() {
    CertAndKey mismatched = new CertAndKey(ca.certificate(), KeyAlgorithm.ECDSA_P256.generate().getPrivate());

    assertThatThrownBy(() -> CertificateAuthority.of(mismatched, clock))
        .hasMessage("the CA key does not belong to the CA certificate");
  }

  @Test
  void refusesALeafCertificateAsCa() {
    CertAndKey leaf = ca.issue(CertConfig.client("x", List.of()), KeyAlgorithm.ECDSA_P256);

    assertThatThrownBy(() -> CertificateAuthority.of(leaf, clock)).hasMessageContaining("is not a CA certificate");
  }

  /** A full PKIX path validation, as a TLS peer does it (at the fixed test time). */
  private static void validate(X509Certificate leaf, X509Certificate caCert) throws Exception {
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(caCert, null)));
    parameters.setRevocationEnabled(false);
    parameters.setDate(Date.from(NOW.plus(Duration.ofDays(1))));
    CertPathValidator.getInstance("PKIX").validate(
        CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), parameters);
  }
}
