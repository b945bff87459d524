package io.kube4j.pki.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube4j.pki.ca.CertificateAuthority;
import io.kube4j.pki.cert.AltNames;
import io.kube4j.pki.cert.CertConfig;
import io.kube4j.pki.cert.KeyAlgorithm;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateRequestTest {

  @Test
  void aCreatedRequestParsesBackToItsSubjectNamesAndKey() throws Exception {
    KeyPair keys = KeyAlgorithm.ECDSA_P256.generate();
    AltNames names = new AltNames(List.of("n1.example"), List.of(InetAddress.getByName("10.0.0.7")));
    String pem = CertificateRequest.create("system:node:n1", List.of("system:nodes"), names, keys);

    CertificateRequest parsed = CertificateRequest.parse(pem);

    assertThat(pem).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
    assertThat(parsed.commonName()).isEqualTo("system:node:n1");
    assertThat(parsed.organizations()).containsExactly("system:nodes");
    assertThat(parsed.altNames()).isEqualTo(names);
    assertThat(parsed.publicKey()).isEqualTo(keys.getPublic());
  }

  @Test
  void anRsaRequestParses() {
    KeyPair keys = KeyAlgorithm.RSA_2048.generate();
    String pem = CertificateRequest.create("jane", List.of("dev", "ops"), AltNames.none(), keys);
    assertThat(CertificateRequest.parse(pem).organizations()).containsExactly("dev", "ops");
  }

  @Test
  void somethingElseThanARequestIsRefusedWithUpstreamsMessage() {
    CertificateAuthority ca = CertificateAuthority.create("kubernetes", KeyAlgorithm.ECDSA_P256, Clock.systemUTC());
    String certificate = io.kube4j.pki.cert.Pem.encode(ca.certificate());
    assertThatThrownBy(() -> CertificateRequest.parse(certificate))
        .hasMessage("PEM block type must be CERTIFICATE REQUEST");
    assertThatThrownBy(() -> CertificateRequest.parse("not pem at all"))
        .hasMessage("PEM block type must be CERTIFICATE REQUEST");
    String garbage = "-----BEGIN CERTIFICATE REQUEST-----\n"
        + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4}) + "\n-----END CERTIFICATE REQUEST-----\n";
    assertThatThrownBy(() -> CertificateRequest.parse(garbage)).hasMessage("x509: malformed certificate request");
  }

  @Test
  void aRequestWhoseSignatureDoesNotMatchItsKeyIsRefused() {
    KeyPair keys = KeyAlgorithm.ECDSA_P256.generate();
    KeyPair other = KeyAlgorithm.ECDSA_P256.generate();
    // the subject's key is `keys`, the signature made with `other`'s private key
    String forged = CertificateRequest.create("mallory", List.of(), AltNames.none(),
        new KeyPair(keys.getPublic(), other.getPrivate()));
    assertThatThrownBy(() -> CertificateRequest.parse(forged)).hasMessageStartingWith("x509: ");
  }

  @Test
  void theCaSignsWhatTheRequestAsksForWithoutSeeingThePrivateKey() {
    CertificateAuthority ca = CertificateAuthority.create("kubernetes", KeyAlgorithm.ECDSA_P256, Clock.systemUTC());
    KeyPair keys = KeyAlgorithm.ECDSA_P256.generate();
    CertificateRequest request = CertificateRequest.parse(
        CertificateRequest.create("system:node:n1", List.of("system:nodes"), AltNames.none(), keys));

    X509Certificate cert = ca.sign(CertConfig.client(request.commonName(), request.organizations()), request.publicKey());

    assertThat(ca.issued(cert)).isTrue();
    assertThat(cert.getPublicKey()).isEqualTo(keys.getPublic());
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=system:node:n1,O=system:nodes");
  }
}
