package io.kube4j.pki;

import io.kube4j.pki.ca.CertificateAuthority;
import io.kube4j.pki.cert.AltNames;
import io.kube4j.pki.cert.CertAndKey;
import io.kube4j.pki.cert.CertConfig;
import io.kube4j.pki.cert.KeyAlgorithm;
import io.kube4j.pki.cert.Pem;
import io.kube4j.pki.cert.PkiFiles;
import io.kube4j.pki.kubeconfig.Kubeconfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PKI of one cluster, kept in one directory as kubeadm keeps {@code /etc/kubernetes/pki}:
 *
 * <pre>
 * ca.crt ca.key                              cluster CA (CN kubernetes), signs everything below
 * apiserver.crt apiserver.key                serving certificate of the apiserver
 * admin.crt admin.key                        CN kubernetes-admin, O system:masters
 * scheduler.crt scheduler.key                CN system:kube-scheduler
 * controller-manager.crt ...key              CN system:kube-controller-manager
 * apiserver-kubelet-client.crt ...key        the apiserver's identity towards agents (logs, exec)
 * node-NAME.crt node-NAME.key                CN system:node:NAME, O system:nodes (on demand)
 * sa.key sa.pub                              service-account token signing key pair (RSA)
 * </pre>
 *
 * <p>{@link #ensure} is idempotent: files that exist and still fit are reused, never regenerated,
 * so restarting a cluster keeps every kubeconfig and token valid. A leaf certificate is reissued
 * only when it no longer fits (another CA, expired, a name missing); the CA and the
 * service-account key are never replaced silently.
 */
public final class ClusterPki {

  public static final String CA = "ca";
  public static final String API_SERVER = "apiserver";
  public static final String ADMIN = "admin";
  public static final String SCHEDULER = "scheduler";
  public static final String CONTROLLER_MANAGER = "controller-manager";
  public static final String API_SERVER_KUBELET_CLIENT = "apiserver-kubelet-client";
  public static final String SERVICE_ACCOUNT = "sa";

  /** Name of the cluster and of its entries in every kubeconfig kube4j writes. */
  public static final String CLUSTER_NAME = "kube4j";

  /** What {@link #ensure} had to (re)create, and why; empty when everything was reused. */
  public record Generated(String name, String reason) {}

  private final Path dir;
  private final CertificateAuthority ca;
  private final ClusterPkiOptions options;
  private final List<Generated> generated;

  private ClusterPki(Path dir, CertificateAuthority ca, ClusterPkiOptions options, List<Generated> generated) {
    this.dir = dir;
    this.ca = ca;
    this.options = options;
    this.generated = List.copyOf(generated);
  }

  /** Creates whatever of the cluster PKI is missing or no longer fits under {@code dir}. */
  public static ClusterPki ensure(Path dir, ClusterPkiOptions options) throws IOException {
    PkiFiles.ensureDirectory(dir);
    List<Generated> generated = new ArrayList<>();
    CertificateAuthority ca = ensureCa(dir, options, generated);
    ClusterPki pki = new ClusterPki(dir, ca, options, generated);
    for (ClusterCertificate cert : ClusterCertificate.all()) {
      pki.ensurePair(cert.name(), cert.config(options), generated);
    }
    pki.ensureServiceAccountKeys(generated);
    return new ClusterPki(dir, ca, options, generated);
  }

  /** The PKI that {@link #ensure} created earlier, without creating anything. */
  public static ClusterPki open(Path dir, ClusterPkiOptions options) throws IOException {
    Path caCert = dir.resolve(CA + ".crt");
    if (!Files.exists(caCert)) {
      throw new IOException("no cluster CA at " + caCert);
    }
    return new ClusterPki(dir, CertificateAuthority.read(caCert, dir.resolve(CA + ".key"), options.clock()),
        options, List.of());
  }

  public Path dir() {
    return dir;
  }

  public CertificateAuthority ca() {
    return ca;
  }

  public List<Generated> generated() {
    return generated;
  }

  public Path certificateFile(String name) {
    return dir.resolve(name + ".crt");
  }

  public Path keyFile(String name) {
    return dir.resolve(name + ".key");
  }

  public Path caCertificateFile() {
    return certificateFile(CA);
  }

  /** {@code sa.key}: PKCS#8 RSA key, for {@code --service-account-signing-key-file}. */
  public Path serviceAccountKeyFile() {
    return dir.resolve(SERVICE_ACCOUNT + ".key");
  }

  /** {@code sa.pub}: PKIX public key, for {@code --service-account-key-file}. */
  public Path serviceAccountPublicKeyFile() {
    return dir.resolve(SERVICE_ACCOUNT + ".pub");
  }

  /** A pair this PKI holds, e.g. {@code read(ADMIN)}. */
  public CertAndKey read(String name) throws IOException {
    return CertAndKey.read(certificateFile(name), keyFile(name));
  }

  /** The node's client certificate ({@code node-NAME.crt}), created on first use. */
  public CertAndKey ensureNode(String nodeName) throws IOException {
    String name = "node-" + nodeName;
    ensurePair(name, ClusterCertificate.node(nodeName), new ArrayList<>());
    return read(name);
  }

  /** A fresh client certificate for {@code user} in {@code groups}; nothing is written. */
  public CertAndKey issueClient(String user, List<String> groups) {
    return ca.issue(CertConfig.client(user, groups), KeyAlgorithm.ECDSA_P256);
  }

  /**
   * A kubeconfig for {@code server} authenticating with {@code client}; the cluster is named
   * {@value #CLUSTER_NAME}, the user {@code userName}, the context {@code contextName}.
   */
  public Kubeconfig kubeconfig(URI server, CertAndKey client, String userName, String contextName) {
    return Kubeconfig.forClientCertificate(server, ca.certificate(), client, CLUSTER_NAME, userName, contextName);
  }

  /** Every name the apiserver's serving certificate carries for these options. */
  public static AltNames apiServerAltNames(ClusterPkiOptions options) {
    return ClusterCertificate.apiServerAltNames(options);
  }

  private static CertificateAuthority ensureCa(Path dir, ClusterPkiOptions options, List<Generated> generated)
      throws IOException {
    Path cert = dir.resolve(CA + ".crt");
    Path key = dir.resolve(CA + ".key");
    if (Files.exists(cert) || Files.exists(key)) {
      if (!Files.exists(cert) || !Files.exists(key)) {
        throw new IOException("found only one of " + cert + " and " + key
            + "; restore the other or remove both to create a new cluster CA");
      }
      return CertificateAuthority.read(cert, key, options.clock());
    }
    CertificateAuthority ca = CertificateAuthority.create("kubernetes", KeyAlgorithm.ECDSA_P256, options.clock());
    ca.certAndKey().write(cert, key);
    generated.add(new Generated(CA, "new"));
    return ca;
  }

  private void ensurePair(String name, CertConfig desired, List<Generated> generated) throws IOException {
    Optional<String> misfit = misfit(name, desired);
    if (misfit.isEmpty()) {
      return;
    }
    ca.issue(desired, KeyAlgorithm.ECDSA_P256).write(certificateFile(name), keyFile(name));
    generated.add(new Generated(name, misfit.get()));
  }

  /** Why the existing pair {@code name} cannot be reused, or empty when it can. */
  private Optional<String> misfit(String name, CertConfig desired) {
    if (!Files.exists(certificateFile(name)) || !Files.exists(keyFile(name))) {
      return Optional.of("new");
    }
    CertAndKey existing;
    try {
      existing = read(name);
    } catch (IOException e) {
      return Optional.of("unreadable: " + e.getMessage());
    }
    return CertificateFit.misfit(existing, desired, ca, options.clock().instant());
  }

  private void ensureServiceAccountKeys(List<Generated> generated) throws IOException {
    Path keyFile = serviceAccountKeyFile();
    Path publicFile = serviceAccountPublicKeyFile();
    PrivateKey key;
    if (Files.exists(keyFile)) {
      key = Pem.readPrivateKey(keyFile);
    } else {
      KeyPair pair = KeyAlgorithm.RSA_2048.generate();
      key = pair.getPrivate();
      PkiFiles.writePrivate(keyFile, Pem.encode(key));
      generated.add(new Generated(SERVICE_ACCOUNT, "new"));
    }
    PublicKey publicKey = Pem.publicKeyOf(key);
    if (!Files.exists(publicFile) || !Pem.readPublicKeys(publicFile).contains(publicKey)) {
      PkiFiles.writePublic(publicFile, Pem.encode(publicKey));
    }
  }
}
