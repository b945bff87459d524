package io.kube4j.apiserver.testing;

import io.kube4j.pki.ClusterPki;
import io.kube4j.pki.ClusterPkiOptions;
import io.kube4j.pki.ca.CertificateAuthority;
import io.kube4j.pki.cert.CertAndKey;
import io.kube4j.pki.cert.CertConfig;
import io.kube4j.pki.cert.KeyAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * A throwaway PKI for tests, made by the {@code pki} module exactly as {@code ./kube4j up} makes a
 * cluster's: a CA, a serving certificate for 127.0.0.1/localhost, client certificates on demand,
 * plus one signed by a stranger CA for "untrusted certificate" tests. Client keys are RSA, which
 * every client library in the tests reads.
 */
public final class TestPki {

  private final ClusterPki pki;

  private TestPki(ClusterPki pki) {
    this.pki = pki;
  }

  /** A client certificate and key, PEM encoded. */
  public record Issued(String certPem, String keyPem) {
    static Issued of(CertAndKey c) {
      return new Issued(c.certificatePem(), c.privateKeyPem());
    }

    public String certBase64() {
      return Base64.getEncoder().encodeToString(certPem.getBytes(StandardCharsets.UTF_8));
    }

    public String keyBase64() {
      return Base64.getEncoder().encodeToString(keyPem.getBytes(StandardCharsets.UTF_8));
    }
  }

  public static TestPki create(Path dir) {
    try {
      return new TestPki(ClusterPki.ensure(dir, ClusterPkiOptions.defaults()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path caCert() {
    return pki.caCertificateFile();
  }

  /** {@code ca.key}: what the controller-manager signs CSRs with. */
  public Path caKey() {
    return pki.keyFile(ClusterPki.CA);
  }

  public Path serverCert() {
    return pki.certificateFile(ClusterPki.API_SERVER);
  }

  /** {@code sa.key}: signs service-account tokens. */
  public Path serviceAccountKey() {
    return pki.serviceAccountKeyFile();
  }

  /** {@code sa.pub}: verifies them. */
  public Path serviceAccountPublicKey() {
    return pki.serviceAccountPublicKeyFile();
  }

  public Path serverKey() {
    return pki.keyFile(ClusterPki.API_SERVER);
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
    return Issued.of(pki.ca().issue(CertConfig.client(user, groups), KeyAlgorithm.RSA_2048));
  }

  /** A client certificate the cluster CA signed, valid for an hour two days ago: expired now. */
  public Issued expiredClientCertificate(String user, List<String> groups) {
    try {
      CertificateAuthority past = CertificateAuthority.of(pki.read(ClusterPki.CA),
          Clock.fixed(java.time.Instant.now().minus(java.time.Duration.ofDays(2)), java.time.ZoneOffset.UTC));
      return Issued.of(past.issue(CertConfig.client(user, groups).withValidity(java.time.Duration.ofHours(1)),
          KeyAlgorithm.RSA_2048));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client certificate signed by a CA the apiserver does not trust. */
  public Issued untrustedClientCertificate(String user) {
    CertificateAuthority stranger = CertificateAuthority.create("stranger", KeyAlgorithm.RSA_2048, Clock.systemUTC());
    return Issued.of(stranger.issue(CertConfig.client(user, List.of("system:masters")), KeyAlgorithm.RSA_2048));
  }

  /** A kubeconfig for the real kubectl, written by the pki module's kubeconfig writer. */
  public Path kubeconfig(Path file, String server, String user, List<String> groups) {
    CertAndKey client = pki.ca().issue(CertConfig.client(user, groups), KeyAlgorithm.RSA_2048);
    try {
      pki.kubeconfig(URI.create(server), client, user, "test").write(file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
