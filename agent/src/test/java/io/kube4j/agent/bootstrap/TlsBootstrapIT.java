package io.kube4j.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestConditionBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.componentbase.client.Kubeconfigs;
import io.kube4j.pki.ca.CertificateAuthority;
import io.kube4j.pki.cert.CertConfig;
import io.kube4j.pki.cert.Pem;
import io.kube4j.pki.csr.CertificateRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS bootstrap against a real apiserver: the agent authenticates with a bootstrap token and posts a
 * CSR. No controller-manager runs here (it lives in another module), so the test plays its
 * csrapproving and csrsigning controllers: it approves the CSR and signs it with the cluster CA.
 */
class TlsBootstrapIT {

  private static final String TOKEN_ID = "abcdef";
  private static final String TOKEN_SECRET = "0123456789abcdef";

  private static TestCluster cluster;
  private static KubernetesClient admin;

  @BeforeAll
  static void start() {
    cluster = TestCluster.startWithFullAdmission();
    admin = cluster.adminClient();
    admin.secrets().inNamespace("kube-system").resource(new SecretBuilder().withNewMetadata()
        .withName("bootstrap-token-" + TOKEN_ID).endMetadata().withType("bootstrap.kubernetes.io/token")
        .withStringData(Map.of("token-id", TOKEN_ID, "token-secret", TOKEN_SECRET,
            "usage-bootstrap-authentication", "true", "auth-extra-groups", "system:bootstrappers:kubeadm:default-node-token"))
        .build()).create();
    admin.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
        .withName("kubeadm:kubelet-bootstrap").endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "system:node-bootstrapper")
        .addNewSubject().withApiGroup("rbac.authorization.k8s.io").withKind("Group").withName("system:bootstrappers")
        .endSubject().build()).create();
  }

  @AfterAll
  static void stop() {
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void obtainsANodeClientCertificateWithABootstrapToken() throws Exception {
    Path dir = Files.createTempDirectory("bootstrap-it");
    Path bootstrap = dir.resolve("bootstrap-kubelet.conf");
    Files.writeString(bootstrap, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: kube4j
          cluster:
            server: %s
            certificate-authority-data: %s
        users:
        - name: tls-bootstrap-token-user
          user:
            token: %s.%s
        contexts:
        - name: tls-bootstrap-token-user@kube4j
          context:
            cluster: kube4j
            user: tls-bootstrap-token-user
        current-context: tls-bootstrap-token-user@kube4j
        """.formatted(cluster.url(), cluster.pki().caCertBase64(), TOKEN_ID, TOKEN_SECRET));
    Path kubeconfig = dir.resolve("kubelet.conf");
    TlsBootstrap tls = new TlsBootstrap(Clock.systemUTC(), Duration.ofSeconds(30));
    CompletableFuture<Void> joined = CompletableFuture.runAsync(() -> {
      try {
        tls.loadClientCert(kubeconfig, bootstrap, dir.resolve("pki"), "joiner");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    Conditions.await("a CSR from the node", Duration.ofSeconds(30),
        () -> !admin.certificates().v1().certificateSigningRequests().list().getItems().isEmpty());
    CertificateSigningRequest csr = admin.certificates().v1().certificateSigningRequests().list().getItems().get(0);
    assertThat(csr.getSpec().getSignerName()).isEqualTo("kubernetes.io/kube-apiserver-client-kubelet");
    assertThat(csr.getSpec().getUsername()).isEqualTo("system:bootstrap:" + TOKEN_ID);
    assertThat(csr.getSpec().getUsages()).containsExactly("digital signature", "client auth");
    CertificateRequest request = CertificateRequest.parse(
        new String(Base64.getDecoder().decode(csr.getSpec().getRequest()), StandardCharsets.US_ASCII));
    assertThat(request.commonName()).isEqualTo("system:node:joiner");
    assertThat(request.organizations()).containsExactly("system:nodes");
    assertThat(request.publicKey().getAlgorithm()).isEqualTo("EC");

    approveAndSign(csr, request);
    joined.get(30, java.util.concurrent.TimeUnit.SECONDS);

    try (KubernetesClient node = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
        .withConfig(Kubeconfigs.read(kubeconfig)).build()) {
      // the Node authorizer lets system:node:joiner read nodes: proof of the new identity
      assertThat(node.nodes().list().getItems()).isNotNull();
    }
    assertThat(Files.readString(dir.resolve("pki").resolve(TlsBootstrap.CURRENT_PEM)))
        .contains("BEGIN CERTIFICATE").contains("PRIVATE KEY");
    assertThat(tls.isValid(kubeconfig)).isTrue();
  }

  private static void approveAndSign(CertificateSigningRequest csr, CertificateRequest request) throws Exception {
    var resource = admin.certificates().v1().certificateSigningRequests().withName(csr.getMetadata().getName());
    resource.approve(new CertificateSigningRequestConditionBuilder().withType("Approved").withStatus("True")
        .withReason("AutoApproved").withMessage("approved by the test").build());
    CertificateAuthority ca = CertificateAuthority.read(cluster.pki().caCert(), cluster.pki().caKey(), Clock.systemUTC());
    String pem = Pem.encode(ca.sign(CertConfig.client(request.commonName(), request.organizations()),
        request.publicKey()));
    CertificateSigningRequest approved = resource.get();
    approved.getStatus().setCertificate(Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII)));
    admin.certificates().v1().certificateSigningRequests().resource(approved).updateStatus();
    assertThat(List.of(approved.getStatus().getConditions().get(0).getType())).containsExactly("Approved");
  }
}
