package io.kube4j.benchmark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS for the benchmark's clients: the PEMs TestPki issues, turned into a JDK {@link SSLContext}. */
final class Tls {

  private Tls() {}

  /**
   * A TLS context presenting {@code certPem}/{@code keyPem} (PKCS#8, RSA) and trusting only the CA in
   * {@code caFile}.
   */
  static SSLContext mutual(String certPem, String keyPem, Path caFile) throws IOException, GeneralSecurityException {
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    Certificate cert = x509.generateCertificate(new ByteArrayInputStream(certPem.getBytes(StandardCharsets.US_ASCII)));
    Certificate ca = x509.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(caFile)));
    PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(keyPem)));

    char[] password = "bench".toCharArray();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("client", key, password, new Certificate[] {cert});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, password);

    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), trusting(ca), null);
    return tls;
  }

  /** A TLS context that presents no client certificate (an anonymous caller) and trusts only the CA. */
  static SSLContext anonymous(Path caFile) throws IOException, GeneralSecurityException {
    Certificate ca = CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(caFile)));
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trusting(ca), null);
    return tls;
  }

  /** Trust managers that trust only {@code ca}. */
  private static javax.net.ssl.TrustManager[] trusting(Certificate ca) throws IOException, GeneralSecurityException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    return tmf.getTrustManagers();
  }

  /** The DER bytes between a PEM block's BEGIN and END lines. */
  static byte[] pemBody(String pem) {
    StringBuilder b64 = new StringBuilder();
    for (String line : pem.split("\r?\n")) {
      if (!line.startsWith("-----") && !line.isBlank()) {
        b64.append(line.trim());
      }
    }
    return Base64.getDecoder().decode(b64.toString());
  }
}
