package io.kube4j.pki.cert;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;

/**
 * The key types kube4j generates. ECDSA P-256 for TLS (small, fast handshakes, read by Go, Netty and
 * JSSE alike); RSA 2048 for the service-account signing key, because RS256 is the JWT algorithm
 * every Kubernetes client and OIDC verifier supports.
 */
public enum KeyAlgorithm {
  ECDSA_P256("EC", "SHA256withECDSA"),
  RSA_2048("RSA", "SHA256withRSA");

  private final String jcaName;
  private final String signatureAlgorithm;

  KeyAlgorithm(String jcaName, String signatureAlgorithm) {
    this.jcaName = jcaName;
    this.signatureAlgorithm = signatureAlgorithm;
  }

  public KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaName);
      if (this == ECDSA_P256) {
        generator.initialize(new ECGenParameterSpec("secp256r1"));
      } else {
        generator.initialize(2048);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate " + this + " keys", e);
    }
  }

  /** The JCA signature algorithm a key of this type signs certificates with (SHA-256 based). */
  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** The algorithm of an existing key, e.g. a CA key loaded from disk. */
  public static KeyAlgorithm of(PrivateKey key) {
    return switch (key.getAlgorithm()) {
      case "EC" -> ECDSA_P256;
      case "RSA" -> RSA_2048;
      default -> throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm());
    };
  }
}
