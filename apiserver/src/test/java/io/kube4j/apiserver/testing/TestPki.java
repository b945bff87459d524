package io.kube4j.apiserver.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway PKI for tests: a CA, a serving certificate for 127.0.0.1/localhost, and client
 * certificates on demand; plus one signed by a stranger CA, for "untrusted certificate" tests.
 */
public final class TestPki {

  private final Path dir;
  private final KeyPair caKeys;
  private final X509Certificate ca;

  private TestPki(Path dir, KeyPair caKeys, X509Certificate ca) {
    this.dir = dir;
    this.caKeys = caKeys;
    this.ca = ca;
  }

  /** A client certificate and key, PEM encoded. */
  public record Issued(String certPem, String keyPem) {
    public String certBase64() {
      return Base64.getEncoder().encodeToString(certPem.getBytes(StandardCharsets.UTF_8));
    }

    public String keyBase64() {
      return Base64.getEncoder().encodeToString(keyPem.getBytes(StandardCharsets.UTF_8));
    }
  }

  public static TestPki create(Path dir) {
    try {
      KeyPair caKeys = rsa();
      X509Certificate ca = sign(new X500Name("CN=kubernetes"), caKeys, new X500Name("CN=kubernetes"), caKeys.getPrivate(),
          true, null, null);
      TestPki pki = new TestPki(dir, caKeys, ca);
      Files.writeString(pki.caCert(), pem(ca));
      KeyPair server = rsa();
      X509Certificate serverCert = sign(new X500Name("CN=kube-apiserver"), server, new X500Name("CN=kubernetes"),
          caKeys.getPrivate(), false, KeyPurposeId.id_kp_serverAuth, new GeneralNames(new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
      Files.writeString(pki.serverCert(), pem(serverCert));
      Files.writeString(pki.serverKey(), pem(server.getPrivate()));
      return pki;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path caCert() {
    return dir.resolve("ca.crt");
  }

  public Path serverCert() {
    return dir.resolve("apiserver.crt");
  }

  public Path serverKey() {
    return dir.resolve("apiserver.key");
  }

  public String caCertBase64() {
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(caCert()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client certificate signed by the cluster CA: CN = user, O = each group. */
  public Issued clientCertificate(String user, List<String> groups) {
    return issue(user, groups, caKeys.getPrivate(), new X500Name("CN=kubernetes"));
  }

  /** A client certificate signed by a CA the apiserver does not trust. */
  public Issued untrustedClientCertificate(String user) {
    try {
      KeyPair stranger = rsa();
      return issue(user, List.of("system:masters"), stranger.getPrivate(), new X500Name("CN=stranger"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Issued issue(String user, List<String> groups, PrivateKey issuerKey, X500Name issuer) {
    try {
      KeyPair keys = rsa();
      X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
      groups.forEach(g -> subject.addRDN(BCStyle.O, g));
      subject.addRDN(BCStyle.CN, user);
      X509Certificate cert = sign(subject.build(), keys, issuer, issuerKey, false, KeyPurposeId.id_kp_clientAuth, null);
      return new Issued(pem(cert), pem(keys.getPrivate()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A kubeconfig for the real kubectl, in the shape of the kubectl contract notes (§1). */
  public Path kubeconfig(Path file, String server, String user, List<String> groups) {
    Issued cert = clientCertificate(user, groups);
    String yaml = "apiVersion: v1\nkind: Config\nclusters:\n- name: test\n  cluster:\n    server: " + server
        + "\n    certificate-authority-data: " + caCertBase64() + "\nusers:\n- name: " + user
        + "\n  user:\n    client-certificate-data: " + cert.certBase64() + "\n    client-key-data: "
        + cert.keyBase64() + "\ncontexts:\n- name: test\n  context:\n    cluster: test\n    user: " + user
        + "\ncurrent-context: test\n";
    try {
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048, new SecureRandom());
    return g.generateKeyPair();
  }

  private static X509Certificate sign(X500Name subject, KeyPair keys, X500Name issuer, PrivateKey issuerKey, boolean ca,
      KeyPurposeId usage, GeneralNames sans)
      throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
        Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(2))), subject, keys.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    if (usage != null) {
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usage));
    }
    if (sans != null) {
      b.addExtension(Extension.subjectAlternativeName, false, sans);
    }
    return new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
  }

  private static String pem(Object o) throws IOException {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter p = new JcaPEMWriter(w)) {
      p.writeObject(o instanceof PrivateKey k ? new JcaPKCS8Generator(k, null) : o);
    }
    return w.toString();
  }
}
