package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.controllermanager.ControllerManager;
import io.kube4j.pki.cert.AltNames;
import io.kube4j.pki.cert.CertAndKey;
import io.kube4j.pki.cert.KeyAlgorithm;
import io.kube4j.pki.cert.Pem;
import io.kube4j.pki.csr.CertificateRequest;
import io.kube4j.pki.kubeconfig.Kubeconfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node joins with only a bootstrap token: its client-certificate request is approved by the
 * approving controller (RBAC lets {@code system:bootstrappers} ask for node client certificates, as
 * kubeadm binds it) and signed by the signing controller; the certificate then authenticates as
 * {@code system:node:<name>}, which the Node authorizer confines to that node. Other requests wait
 * for a human, and a request that does not fit its signer fails.
 */
class CertificateSigningIT {

  static final String BOOTSTRAP_TOKEN = "abcdef.0123456789abcdef";

  static ControllerManagerEnvironment env;
  static TestCluster cluster;
  static ControllerManager manager;
  static KubernetesClient admin;
  static Kubectl kubectl;
  static Path dir;

  @BeforeAll
  static void start() throws IOException {
    Kubectl.assumeAvailable();
    env = ControllerManagerEnvironment.start("csr-signing-it", TestCluster::start, o -> o);
    cluster = env.cluster;
    manager = env.manager;
    admin = env.admin;
    dir = env.dir;
    kubectl = env.kubectl();
    // what kubeadm init sets up for joining nodes: a bootstrap token, and RBAC for its group
    Path setup = dir.resolve("bootstrap.yaml");
    Files.writeString(setup, """
        apiVersion: v1
        kind: Secret
        metadata: {name: bootstrap-token-abcdef, namespace: kube-system}
        type: bootstrap.kubernetes.io/token
        stringData:
          token-id: abcdef
          token-secret: 0123456789abcdef
          usage-bootstrap-authentication: "true"
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "kubeadm:kubelet-bootstrap"}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:node-bootstrapper"}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:bootstrappers"}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "kubeadm:node-autoapprove-bootstrap"}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole,
                  name: "system:certificates.k8s.io:certificatesigningrequests:nodeclient"}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:bootstrappers"}]
        """);
    kubectl.run("apply", "-f", setup.toString()).assertOk();
  }

  @AfterAll
  static void stop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void aNodeJoinsWithABootstrapTokenAndGetsAWorkingNodeCertificate() throws Exception {
    KeyPair keys = KeyAlgorithm.ECDSA_P256.generate();
    CertificateSigningRequest request = csr("node-csr-n1", CertificateRequest.create("system:node:n1",
        List.of("system:nodes"), AltNames.none(), keys), "kubernetes.io/kube-apiserver-client-kubelet",
        List.of("digital signature", "client auth"));
    try (KubernetesClient bootstrap = bootstrapClient()) {
      bootstrap.resource(request).create();
    }

    CertificateSigningRequest issued = awaitIssued("node-csr-n1");
    assertThat(issued.getSpec().getUsername()).isEqualTo("system:bootstrap:abcdef");
    assertThat(issued.getStatus().getConditions()).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo("Approved");
      assertThat(c.getReason()).isEqualTo("AutoApproved");
      assertThat(c.getMessage()).isEqualTo("Auto approving kubelet client certificate after SubjectAccessReview.");
    });
    X509Certificate cert = certificate(issued);
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=system:node:n1,O=system:nodes");
    assertThat(cert.getPublicKey()).isEqualTo(keys.getPublic());

    Kubectl node = kubectlWith("n1", new CertAndKey(cert, keys.getPrivate()));
    assertThat(node.run("auth", "whoami").assertOk().out()).contains("system:node:n1").contains("system:nodes");
    Path nodeManifest = dir.resolve("n1.yaml");
    Files.writeString(nodeManifest, "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\n");
    node.run("create", "-f", nodeManifest.toString()).assertOk();
    kubectl.run("create", "-f", Files.writeString(dir.resolve("n2.yaml"),
        "apiVersion: v1\nkind: Node\nmetadata: {name: n2}\n").toString()).assertOk();
    Kubectl.Result other = node.run("label", "node", "n2", "stolen=yes");
    assertThat(other.exit()).isEqualTo(1);
    assertThat(other.err()).contains("Forbidden");
    assertThat(kubectl.run("get", "csr", "node-csr-n1").out()).containsPattern("node-csr-n1 .* Approved,Issued");
  }

  @Test
  void aUsersClientCertificateWaitsForAHumanThenIsSigned() throws Exception {
    KeyPair keys = KeyAlgorithm.ECDSA_P256.generate();
    try (KubernetesClient jane = cluster.client("jane", List.of("dev"))) {
      admin.rbac().clusterRoles().resource(new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder()
          .withNewMetadata().withName("csr-creator").endMetadata().addNewRule()
          .withApiGroups("certificates.k8s.io").withResources("certificatesigningrequests")
          .withVerbs("create", "get").endRule().build()).create();
      admin.rbac().clusterRoleBindings().resource(new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder()
          .withNewMetadata().withName("jane-csr").endMetadata()
          .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "csr-creator")
          .addNewSubject().withApiGroup("rbac.authorization.k8s.io").withKind("User").withName("jane").endSubject()
          .build()).create();
      Conditions.await("jane may create CSRs", Duration.ofSeconds(10), () -> {
        try {
          jane.resource(csr("jane-laptop", CertificateRequest.create("jane", List.of("dev"), AltNames.none(), keys),
              "kubernetes.io/kube-apiserver-client", List.of("digital signature", "client auth"))).create();
          return true;
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
          return false;
        }
      });
    }
    // the controllers leave it alone: nothing auto-approves a user's certificate
    Conditions.await("the approver saw it", Duration.ofSeconds(10), () -> manager.loops().stream()
        .anyMatch(l -> l.metrics().snapshot().adds() > 0));
    assertThat(kubectl.run("get", "csr", "jane-laptop").out()).containsPattern("jane-laptop .* jane .* Pending");

    kubectl.run("certificate", "approve", "jane-laptop").assertOk();

    X509Certificate cert = certificate(awaitIssued("jane-laptop"));
    Kubectl janeWithNewCert = kubectlWith("jane", new CertAndKey(cert, keys.getPrivate()));
    assertThat(janeWithNewCert.run("auth", "whoami").assertOk().out()).contains("jane").contains("dev");
  }

  @Test
  void anApprovedRequestThatDoesNotFitItsSignerFails() throws Exception {
    admin.resource(csr("bad-usage", CertificateRequest.create("system:node:n3", List.of("system:nodes"),
        AltNames.none(), KeyAlgorithm.ECDSA_P256.generate()), "kubernetes.io/kube-apiserver-client-kubelet",
        List.of("digital signature", "server auth"))).create();
    kubectl.run("certificate", "approve", "bad-usage").assertOk();

    Conditions.await("bad-usage failed", Duration.ofSeconds(20), () -> admin.certificates().v1()
        .certificateSigningRequests().withName("bad-usage").get().getStatus().getConditions().stream()
        .anyMatch(c -> "Failed".equals(c.getType())));
    CertificateSigningRequest failed = admin.certificates().v1().certificateSigningRequests().withName("bad-usage").get();
    assertThat(failed.getStatus().getCertificate()).isNullOrEmpty();
    assertThat(failed.getStatus().getConditions()).anySatisfy(c -> {
      assertThat(c.getReason()).isEqualTo("SignerValidationFailure");
      assertThat(c.getMessage()).isEqualTo("usages did not match [client auth, digital signature]");
    });
    assertThat(kubectl.run("get", "csr", "bad-usage").out()).containsPattern("bad-usage .* Approved,Failed");
  }

  private static CertificateSigningRequest awaitIssued(String name) {
    Conditions.await(name + " issued", Duration.ofSeconds(20), () -> {
      CertificateSigningRequest c = admin.certificates().v1().certificateSigningRequests().withName(name).get();
      return c != null && c.getStatus() != null && c.getStatus().getCertificate() != null;
    });
    return admin.certificates().v1().certificateSigningRequests().withName(name).get();
  }

  private static X509Certificate certificate(CertificateSigningRequest csr) {
    return Pem.parseCertificates(new String(Base64.getDecoder().decode(csr.getStatus().getCertificate()),
        StandardCharsets.UTF_8)).get(0);
  }

  private static CertificateSigningRequest csr(String name, String pem, String signer, List<String> usages) {
    return new CertificateSigningRequestBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
        .withRequest(Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8)))
        .withSignerName(signer).withUsages(usages).endSpec().build();
  }

  private static KubernetesClient bootstrapClient() {
    return new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(cluster.url())
        .withCaCertData(cluster.pki().caCertBase64()).withOauthToken(BOOTSTRAP_TOKEN).build()).build();
  }

  private static Kubectl kubectlWith(String name, CertAndKey identity) throws IOException {
    Path file = dir.resolve(name + "-issued.kubeconfig");
    Kubeconfig.forClientCertificate(URI.create(cluster.url()), Pem.readCertificate(cluster.pki().caCert()), identity,
        "test", name, "test").write(file);
    return new Kubectl(file, Files.createDirectories(dir.resolve(name + "-home")));
  }
}
