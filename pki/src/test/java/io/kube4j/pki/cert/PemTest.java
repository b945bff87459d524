package io.kube4j.pki.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube4j.pki.ca.CertificateAuthority;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class PemTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(KeyAlgorithm.class)
  void writesPrivateKeysAsPkcs8AndReadsThemBack(KeyAlgorithm algorithm) {
    KeyPair keys = algorithm.generate();

    String pem = Pem.encode(keys.getPrivate());

    assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
    assertThat(Pem.parsePrivateKey(pem)).isEqualTo(keys.getPrivate());
  }

  /** Written by {@code openssl ecparam -genkey -name prime256v1 -noout} (SEC 1, curve and public point inside). */
  private static final String OPENSSL_EC_KEY = """
      -----BEGIN EC PRIVATE KEY-----
      MHcCAQEEIFoJ/b2GL5zuxSet3ZDwE0GGg8IbZUcs4MALHKhEnlFUoAoGCCqGSM49
      AwEHoUQDQgAEQaA5jpvgTwzKCNCXvQKweV2W7v0L5ln7D4bWjD9FmvYZc45xGBng
      ViH6o2VOHoEOL7pc5BDrQ3l4TOzhnnLZEg==
      -----END EC PRIVATE KEY-----
      """;

  /** {@code openssl ec -pubout} of the key above. */
  private static final String OPENSSL_EC_PUBLIC_KEY = """
      -----BEGIN PUBLIC KEY-----
      MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEQaA5jpvgTwzKCNCXvQKweV2W7v0L
      5ln7D4bWjD9FmvYZc45xGBngViH6o2VOHoEOL7pc5BDrQ3l4TOzhnnLZEg==
      -----END PUBLIC KEY-----
      """;

  @Test
  void readsSec1EcPrivateKeysWrittenByOpenssl() {
    PrivateKey key = Pem.parsePrivateKey(OPENSSL_EC_KEY);

    assertThat(key.getAlgorithm()).isEqualTo("EC");
    assertThat(Pem.publicKeyOf(key)).isEqualTo(Pem.parsePublicKeys(OPENSSL_EC_PUBLIC_KEY).get(0));
    assertThat(Pem.parsePublicKeys(OPENSSL_EC_KEY)).isEqualTo(Pem.parsePublicKeys(OPENSSL_EC_PUBLIC_KEY));
  }

  @Test
  void readsPkcs1RsaPrivateKeys() throws Exception {
    KeyPair keys = KeyAlgorithm.RSA_2048.generate();
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(new JcaMiscPEMGenerator(keys.getPrivate()));
    }
    assertThat(out.toString()).startsWith("-----BEGIN RSA PRIVATE KEY-----");

    assertThat(Pem.parsePrivateKey(out.toString()).getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KeyAlgorithm.class)
  void derivesThePublicKeyOfAPrivateKey(KeyAlgorithm algorithm) {
    KeyPair keys = algorithm.generate();

    assertThat(Pem.publicKeyOf(keys.getPrivate())).isEqualTo(keys.getPublic());
  }

  @Test
  void readsPublicKeysFromPublicKeyCertificateAndPrivateKeyBlocks() {
    KeyPair a = KeyAlgorithm.RSA_2048.generate();
    KeyPair b = KeyAlgorithm.ECDSA_P256.generate();
    CertificateAuthority ca = CertificateAuthority.create("kubernetes", KeyAlgorithm.ECDSA_P256, Clock.systemUTC());

    String pem = Pem.encode(a.getPublic()) + Pem.encode(ca.certificate()) + Pem.encode(b.getPrivate());

    assertThat(Pem.parsePublicKeys(pem))
        .containsExactly(a.getPublic(), ca.certificate().getPublicKey(), b.getPublic());
  }

  @Test
  void readsEveryCertificateOfABundleInOrder() {
    CertificateAuthority first = CertificateAuthority.create("one", KeyAlgorithm.ECDSA_P256, Clock.systemUTC());
    CertificateAuthority second = CertificateAuthority.create("two", KeyAlgorithm.ECDSA_P256, Clock.systemUTC());

    String bundle = Pem.encode(first.certificate()) + Pem.encode(second.certificate());

    assertThat(Pem.parseCertificates(bundle)).containsExactly(first.certificate(), second.certificate());
  }

  @Test
  void writesPublicKeysAsPkix() {
    assertThat(Pem.encode(KeyAlgorithm.RSA_2048.generate().getPublic())).startsWith("-----BEGIN PUBLIC KEY-----\n");
  }

  @Test
  void rejectsDocumentsWithoutTheWantedBlock() {
    String publicOnly = Pem.encode(KeyAlgorithm.ECDSA_P256.generate().getPublic());

    assertThatThrownBy(() -> Pem.parsePrivateKey(publicOnly)).hasMessage("no PRIVATE KEY block found");
    assertThatThrownBy(() -> Pem.parseCertificates(publicOnly)).hasMessage("no CERTIFICATE block found");
    assertThatThrownBy(() -> Pem.parsePublicKeys("hello")).isInstanceOf(IllegalArgumentException.class);
  }
}
