package io.kube4j.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.pki.cert.AltNames;
import io.kube4j.pki.cert.KeyAlgorithm;
import io.kube4j.pki.csr.CertificateRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The certificates API through the real kubectl: a CSR records who asked, whatever its body says; only
 * someone with {@code approve} on the signer can approve it ({@code kubectl certificate approve|deny});
 * bad requests are refused with upstream's messages and nothing is stored.
 */
class CertificateSigningRequestKubectlIT {

  static TestCluster cluster;
  static Kubectl admin;
  static Kubectl jane;
  static Kubectl ann;
  static Path dir;

  @BeforeAll
  static void start() throws IOException {
    Kubectl.assumeAvailable();
    cluster = TestCluster.start();
    dir = Files.createTempDirectory("csr-it");
    admin = new Kubectl(cluster.adminKubeconfig(), Files.createDirectories(dir.resolve("admin")));
    Path janeConfig = cluster.pki().kubeconfig(dir.resolve("jane.kubeconfig"), cluster.url(), "jane", List.of("dev"));
    jane = new Kubectl(janeConfig, Files.createDirectories(dir.resolve("jane")));
    Path annConfig = cluster.pki().kubeconfig(dir.resolve("ann.kubeconfig"), cluster.url(), "ann", List.of("ops"));
    ann = new Kubectl(annConfig, Files.createDirectories(dir.resolve("ann")));
    // as a cluster lets users ask for certificates: create CSRs, nothing more
    admin.run("create", "clusterrole", "csr-creator", "--verb=create,get,list",
        "--resource=certificatesigningrequests.certificates.k8s.io").assertOk();
    admin.run("create", "clusterrolebinding", "jane-csr", "--clusterrole=csr-creator", "--user=jane").assertOk();
    Conditions.await("jane may create CSRs", Duration.ofSeconds(10),
        () -> jane.run("auth", "can-i", "create", "csr").out().trim().equals("yes"));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aRequestRecordsItsRequesterAndWaitsForApproval() throws IOException {
    Path file = csr("jane-cert", "jane", List.of("dev"), "kubernetes.io/kube-apiserver-client",
        "spec:\n  username: cluster-admin\n  groups: [system:masters]\n");
    jane.run("create", "-f", file.toString()).assertOk();

    assertThat(admin.run("get", "csr", "jane-cert", "-o", "jsonpath={.spec.username} {.spec.groups}").out())
        .isEqualTo("jane [\"dev\",\"system:authenticated\"]");
    String table = admin.run("get", "csr", "jane-cert").assertOk().out();
    assertThat(table).contains("SIGNERNAME").contains("REQUESTOR").contains("REQUESTEDDURATION").contains("CONDITION");
    assertThat(table).containsPattern("jane-cert +\\S+ +kubernetes.io/kube-apiserver-client +jane +60m +Pending");

    Kubectl.Result selfApproval = jane.run("certificate", "approve", "jane-cert");
    assertThat(selfApproval.exit()).isEqualTo(1);
    assertThat(selfApproval.err()).contains("certificatesigningrequests.certificates.k8s.io \"jane-cert\" is "
        + "forbidden: User \"jane\" cannot update resource \"certificatesigningrequests/approval\" in API group "
        + "\"certificates.k8s.io\" at the cluster scope");

    assertThat(admin.run("certificate", "approve", "jane-cert").assertOk().out())
        .contains("certificatesigningrequest.certificates.k8s.io/jane-cert approved");
    assertThat(admin.run("get", "csr", "jane-cert", "-o",
        "jsonpath={.status.conditions[0].type} {.status.conditions[0].reason} {.status.conditions[0].status}").out())
        .isEqualTo("Approved KubectlApprove True");
    assertThat(admin.run("get", "csr", "jane-cert").out()).contains("Approved");
    // kubectl itself refuses to deny an approved request (the server would too: CsrStrategyTest)
    Kubectl.Result deny = admin.run("certificate", "deny", "jane-cert", "--force");
    assertThat(deny.exit()).isEqualTo(1);
    assertThat(deny.err()).contains("certificate signing request \"jane-cert\" is already Approved");
  }

  @Test
  void approvingNeedsApproveOnTheSignerNotOnlyTheSubresource() throws IOException {
    admin.run("create", "clusterrole", "approval-writer", "--verb=get,list,update",
        "--resource=certificatesigningrequests.certificates.k8s.io,certificatesigningrequests.certificates.k8s.io/approval")
        .assertOk();
    admin.run("create", "clusterrolebinding", "ann-approval", "--clusterrole=approval-writer", "--user=ann")
        .assertOk();
    jane.run("create", "-f", csr("kubelet-ish", "system:node:n9", List.of("system:nodes"),
        "kubernetes.io/kube-apiserver-client-kubelet", "").toString()).assertOk();
    Conditions.await("ann may update approvals", Duration.ofSeconds(10),
        () -> ann.run("auth", "can-i", "update", "csr", "--subresource=approval").out().trim().equals("yes"));

    Kubectl.Result r = ann.run("certificate", "deny", "kubelet-ish");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("certificatesigningrequests.certificates.k8s.io \"kubelet-ish\" is forbidden: user "
        + "not permitted to approve requests with signerName \"kubernetes.io/kube-apiserver-client-kubelet\"");

    admin.run("certificate", "deny", "kubelet-ish").assertOk();
    assertThat(admin.run("get", "csr", "kubelet-ish").out()).containsPattern("kubelet-ish .* Denied");
  }

  @Test
  void badRequestsAreRefusedAndNothingIsStored() throws IOException {
    Kubectl.Result masters = jane.run("create", "-f", csr("masters", "root", List.of("system:masters"),
        "kubernetes.io/kube-apiserver-client", "").toString());
    assertThat(masters.exit()).isEqualTo(1);
    assertThat(masters.err()).contains("certificatesigningrequests.certificates.k8s.io \"masters\" is forbidden: use of "
        + "kubernetes.io/kube-apiserver-client signer with system:masters group is not allowed");

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, """
        apiVersion: certificates.k8s.io/v1
        kind: CertificateSigningRequest
        metadata: {name: bad}
        spec:
          request: %s
          signerName: example
          usages: [client auth, teleport]
          expirationSeconds: 60
        """.formatted(Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8))));
    Kubectl.Result invalid = jane.run("create", "-f", bad.toString());
    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.err()).contains("The CertificateSigningRequest \"bad\" is invalid")
        .contains("spec.request: Invalid value: []byte{...}: PEM block type must be CERTIFICATE REQUEST")
        .contains("spec.usages[1]: Unsupported value: \"teleport\"")
        .contains("spec.signerName: Invalid value: \"example\": must be a fully qualified domain and path of the "
            + "form 'example.com/signer-name'")
        .contains("spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 600 seconds");

    Kubectl.Result none = admin.run("get", "csr", "masters", "bad");
    assertThat(none.err()).contains("\"masters\" not found").contains("\"bad\" not found");
  }

  /** A CSR manifest with a fresh key; {@code extra} is appended (fields the server must ignore). */
  private static Path csr(String name, String cn, List<String> groups, String signer, String extra) throws IOException {
    String pem = CertificateRequest.create(cn, groups, AltNames.none(), KeyAlgorithm.ECDSA_P256.generate());
    String manifest = """
        apiVersion: certificates.k8s.io/v1
        kind: CertificateSigningRequest
        metadata: {name: %s}
        spec:
          request: %s
          signerName: %s
          expirationSeconds: 3600
          usages: [digital signature, client auth]
        """.formatted(name, Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8)), signer);
    if (!extra.isEmpty()) {
      manifest = manifest.replace("spec:\n", extra);
    }
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, manifest);
    return file;
  }
}
