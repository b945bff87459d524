package io.kube4j.agent.bootstrap;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.componentbase.client.Kubeconfigs;
import io.kube4j.pki.cert.AltNames;
import io.kube4j.pki.cert.CertAndKey;
import io.kube4j.pki.cert.KeyAlgorithm;
import io.kube4j.pki.cert.Pem;
import io.kube4j.pki.cert.PkiFiles;
import io.kube4j.pki.csr.CertificateRequest;
import io.kube4j.pki.kubeconfig.Kubeconfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LoadClientCert}: makes sure {@code kubeconfig} holds a valid client certificate for
 * {@code system:node:<name>}, asking the cluster for one with the bootstrap kubeconfig when it does
 * not. The key never leaves the node: only the CSR is sent.
 */
public final class TlsBootstrap {

  public static final String SIGNER = "kubernetes.io/kube-apiserver-client-kubelet";
  /** The certificate and key in one PEM file, as the kubelet's certificate store keeps them. */
  public static final String CURRENT_PEM = "kubelet-client-current.pem";
  private static final Logger LOG = LoggerFactory.getLogger(TlsBootstrap.class);

  private final Clock clock;
  private final Duration timeout;

  /** @param timeout how long to wait for the certificate to be issued */
  public TlsBootstrap(Clock clock, Duration timeout) {
    this.clock = clock;
    this.timeout = timeout;
  }

  /**
   * Returns once {@code kubeconfig} authenticates the node: unchanged when its certificate is valid
   * for at least a minute more, otherwise written anew from a certificate obtained with
   * {@code bootstrapKubeconfig}.
   *
   * @throws IOException when neither file gives a usable identity
   */
  public void loadClientCert(Path kubeconfig, Path bootstrapKubeconfig, Path certDir, String nodeName)
      throws IOException {
    if (isValid(kubeconfig)) {
      return;
    }
    Config bootstrap = Kubeconfigs.read(bootstrapKubeconfig);
    KeyPair keys = KeyAlgorithm.ECDSA_P256.generate();
    String csrPem = CertificateRequest.create("system:node:" + nodeName, List.of("system:nodes"),
        new AltNames(List.of(), List.of()), keys);
    X509Certificate certificate;
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(bootstrap).build()) {
      certificate = requestCertificate(client, csrPem, nodeName);
    }
    Files.createDirectories(certDir);
    CertAndKey issued = new CertAndKey(certificate, keys.getPrivate());
    PkiFiles.writePrivate(certDir.resolve(CURRENT_PEM), issued.certificatePem() + issued.privateKeyPem());
    X509Certificate ca = Pem.parseCertificates(new String(Base64.getDecoder().decode(bootstrap.getCaCertData()),
        StandardCharsets.US_ASCII)).get(0);
    Files.createDirectories(kubeconfig.toAbsolutePath().getParent());
    Kubeconfig.forClientCertificate(URI.create(bootstrap.getMasterUrl()), ca, issued, "default-cluster",
        "default-auth", "default-context").write(kubeconfig);
    LOG.info("node {}: client certificate issued (valid until {}); wrote {}", nodeName, certificate.getNotAfter(),
        kubeconfig);
  }

  private X509Certificate requestCertificate(KubernetesClient client, String csrPem, String nodeName) {
    String name = digestedName(csrPem);
    CertificateSigningRequest csr = new CertificateSigningRequestBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withRequest(Base64.getEncoder().encodeToString(csrPem.getBytes(StandardCharsets.US_ASCII)))
        .withSignerName(SIGNER).withUsages("digital signature", "client auth").endSpec().build();
    try {
      client.certificates().v1().certificateSigningRequests().resource(csr).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
    LOG.info("node {}: waiting for CertificateSigningRequest {} to be approved and signed", nodeName, name);
    CertificateSigningRequest done = client.certificates().v1().certificateSigningRequests().withName(name)
        .waitUntilCondition(c -> c != null && (issued(c) || refused(c)), timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (refused(done)) {
      throw new IllegalStateException("certificate signing request " + name + " was denied or failed: "
          + done.getStatus().getConditions());
    }
    return Pem.parseCertificates(new String(Base64.getDecoder().decode(done.getStatus().getCertificate()),
        StandardCharsets.US_ASCII)).get(0);
  }

  private static boolean issued(CertificateSigningRequest c) {
    return c.getStatus() != null && c.getStatus().getCertificate() != null && !c.getStatus().getCertificate().isEmpty();
  }

  private static boolean refused(CertificateSigningRequest c) {
    return c.getStatus() != null && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream()
        .anyMatch(x -> ("Denied".equals(x.getType()) || "Failed".equals(x.getType())) && "True".equals(x.getStatus()));
  }

  /** {@code digestedName}: the same request always gets the same name, so a retry finds its CSR. */
  static String digestedName(String csrPem) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-512").digest(csrPem.getBytes(StandardCharsets.US_ASCII));
      return "node-csr-" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 43);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True when {@code kubeconfig} has a client certificate valid for at least another minute. */
  public boolean isValid(Path kubeconfig) {
    if (!Files.exists(kubeconfig)) {
      return false;
    }
    try {
      Kubeconfig k = Kubeconfig.read(kubeconfig);
      String current = k.currentContext();
      var user = k.context(current).flatMap(c -> k.user(c.context().user()));
      if (user.isEmpty() || user.get().user().clientCertificateData() == null) {
        return false;
      }
      X509Certificate cert = Pem.parseCertificates(Kubeconfig.decodeData(user.get().user().clientCertificateData()))
          .get(0);
      return cert.getNotAfter().toInstant().isAfter(clock.instant().plus(Duration.ofMinutes(1)));
    } catch (IOException | RuntimeException e) {
      LOG.warn("{} is not a usable kubeconfig: {}", kubeconfig, e.getMessage());
      return false;
    }
  }
}
