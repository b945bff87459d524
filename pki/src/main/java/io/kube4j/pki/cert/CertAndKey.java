package io.kube4j.pki.cert;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A certificate and its private key: what a TLS endpoint presents. */
public record CertAndKey(X509Certificate certificate, PrivateKey privateKey) {

  public CertAndKey {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
  }

  /** Reads a pair written by {@link #write}, or by openssl/kubeadm. */
  public static CertAndKey read(Path certificateFile, Path keyFile) throws IOException {
    return new CertAndKey(Pem.readCertificate(certificateFile), Pem.readPrivateKey(keyFile));
  }

  /** Writes the certificate {@code 0644} and the key {@code 0600}. */
  public void write(Path certificateFile, Path keyFile) throws IOException {
    PkiFiles.writePrivate(keyFile, privateKeyPem());
    PkiFiles.writePublic(certificateFile, certificatePem());
  }

  public String certificatePem() {
    return Pem.encode(certificate);
  }

  public String privateKeyPem() {
    return Pem.encode(privateKey);
  }

  /** True when the key is the private half of the certificate's public key. */
  public boolean keyMatchesCertificate() {
    try {
      return Pem.publicKeyOf(privateKey).equals(certificate.getPublicKey());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
