package io.kube4j.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube4j.pki.cert.AltNames;
import io.kube4j.pki.cert.CertAndKey;
import io.kube4j.pki.cert.Pem;
import io.kube4j.pki.kubeconfig.Kubeconfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterPkiTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  private final ClusterPkiOptions options = ClusterPkiOptions.defaults()
      .withHostName("node-a")
      .withClock(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void createsTheWholeLayoutOnFirstUse() throws Exception {
    ClusterPki pki = ClusterPki.ensure(dir, options);

    assertThat(fileNames(dir)).containsExactlyInAnyOrder(
        "ca.crt", "ca.key", "apiserver.crt", "apiserver.key", "admin.crt", "admin.key",
        "scheduler.crt", "scheduler.key", "controller-manager.crt", "controller-manager.key",
        "apiserver-kubelet-client.crt", "apiserver-kubelet-client.key", "sa.key", "sa.pub");
    assertThat(pki.generated()).extracting(ClusterPki.Generated::name).containsExactly(
        "ca", "apiserver", "admin", "scheduler", "controller-manager", "apiserver-kubelet-client", "sa");
  }

  @Test
  void writesKeysOwnerOnlyAndCertificatesWorldReadable() throws Exception {
    ClusterPki.ensure(dir, options);

    for (String name : fileNames(dir)) {
      String expected = name.endsWith(".key") ? "rw-------" : "rw-r--r--";
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
          .as(name).isEqualTo(expected);
    }
  }

  @Test
  void reusesExistingFilesInsteadOfRegenerating() throws Exception {
    ClusterPki.ensure(dir, options);
    List<byte[]> before = contents(dir);

    ClusterPki again = ClusterPki.ensure(dir, options.withClock(Clock.fixed(NOW.plus(Duration.ofDays(30)), ZoneOffset.UTC)));

    assertThat(again.generated()).isEmpty();
    assertThat(contents(dir)).containsExactlyElementsOf(before);
  }

  @Test
  void givesTheApiServerEveryNameClientsDial() throws Exception {
    ClusterPki pki = ClusterPki.ensure(dir, options.withExtraApiServerNames(
        new AltNames(List.of("kube4j.example"), List.of(ClusterPkiOptions.literal("192.0.2.7")))));

    X509Certificate cert = pki.read(ClusterPki.API_SERVER).certificate();

    assertThat(CertificateFit.altNames(cert)).isEqualTo(new AltNames(
        List.of("localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc",
            "kubernetes.default.svc.cluster.local", "node-a", "kube4j.example"),
        List.of(ClusterPkiOptions.literal("127.0.0.1"), ClusterPkiOptions.literal("::1"),
            ClusterPkiOptions.literal("10.96.0.1"), ClusterPkiOptions.literal("192.0.2.7"))));
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(pki.ca().issued(cert)).isTrue();
  }

  @Test
  void reissuesOnlyTheServingCertificateWhenANewAddressIsNeeded() throws Exception {
    ClusterPki.ensure(dir, options);
    byte[] caBefore = Files.readAllBytes(dir.resolve("ca.crt"));
    byte[] adminBefore = Files.readAllBytes(dir.resolve("admin.crt"));

    ClusterPki again = ClusterPki.ensure(dir, options.withExtraApiServerNames(
        new AltNames(List.of(), List.of(ClusterPkiOptions.literal("192.0.2.9")))));

    assertThat(again.generated()).containsExactly(new ClusterPki.Generated("apiserver", "lacks names [192.0.2.9]"));
    assertThat(Files.readAllBytes(dir.resolve("ca.crt"))).isEqualTo(caBefore);
    assertThat(Files.readAllBytes(dir.resolve("admin.crt"))).isEqualTo(adminBefore);
  }

  @Test
  void reissuesAnExpiredCertificate() throws Exception {
    ClusterPki.ensure(dir, options);

    ClusterPki later = ClusterPki.ensure(dir, options.withClock(Clock.fixed(NOW.plus(Duration.ofDays(400)), ZoneOffset.UTC)));

    assertThat(later.generated()).extracting(ClusterPki.Generated::reason).allMatch(r -> r.startsWith("expired on"));
    assertThat(later.generated()).hasSize(5);
  }

  record Identity(String name, String file, String subject) {
    @Override public String toString() {
      return name;
    }
  }

  static Stream<Identity> identities() {
    return Stream.of(
        new Identity("admin", "admin", "CN=kubernetes-admin,O=system:masters"),
        new Identity("scheduler", "scheduler", "CN=system:kube-scheduler"),
        new Identity("controller-manager", "controller-manager", "CN=system:kube-controller-manager"),
        new Identity("apiserver to kubelet", "apiserver-kubelet-client", "CN=kube-apiserver-kubelet-client,O=system:masters"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identities")
  void issuesClientCertificatesWithKubernetesIdentities(Identity identity) throws Exception {
    ClusterPki pki = ClusterPki.ensure(dir, options);

    CertAndKey pair = pki.read(identity.file());

    assertThat(pair.certificate().getSubjectX500Principal().getName()).isEqualTo(identity.subject());
    assertThat(pair.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(pki.ca().issued(pair.certificate())).isTrue();
    assertThat(pair.keyMatchesCertificate()).isTrue();
  }

  @Test
  void issuesNodeCertificatesOnDemandAndKeepsThem() throws Exception {
    ClusterPki pki = ClusterPki.ensure(dir, options);

    CertAndKey node = pki.ensureNode("worker-1");
    CertAndKey again = pki.ensureNode("worker-1");

    assertThat(node.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=system:node:worker-1,O=system:nodes");
    assertThat(again).isEqualTo(node);
    assertThat(dir.resolve("node-worker-1.key")).exists();
  }

  @Test
  void issuesUserCertificatesWithOneOrganizationPerGroup() throws Exception {
    ClusterPki pki = ClusterPki.ensure(dir, options);

    CertAndKey alice = pki.issueClient("alice", List.of("dev", "qa"));

    assertThat(CertificateFit.values(
        org.bouncycastle.asn1.x500.X500Name.getInstance(alice.certificate().getSubjectX500Principal().getEncoded()),
        org.bouncycastle.asn1.x500.style.BCStyle.O)).containsExactly("dev", "qa");
    assertThat(pki.ca().issued(alice.certificate())).isTrue();
  }

  @Test
  void writesAServiceAccountKeyPairThatBelongsTogether() throws Exception {
    ClusterPki pki = ClusterPki.ensure(dir, options);

    var key = Pem.readPrivateKey(pki.serviceAccountKeyFile());

    assertThat(key.getAlgorithm()).isEqualTo("RSA");
    assertThat(Pem.readPublicKeys(pki.serviceAccountPublicKeyFile())).containsExactly(Pem.publicKeyOf(key));
  }

  @Test
  void restoresAMissingServiceAccountPublicKeyFromThePrivateKey() throws Exception {
    ClusterPki pki = ClusterPki.ensure(dir, options);
    byte[] key = Files.readAllBytes(pki.serviceAccountKeyFile());
    Files.delete(pki.serviceAccountPublicKeyFile());

    ClusterPki.ensure(dir, options);

    assertThat(Files.readAllBytes(pki.serviceAccountKeyFile())).isEqualTo(key);
    assertThat(Pem.readPublicKeys(pki.serviceAccountPublicKeyFile()))
        .containsExactly(Pem.publicKeyOf(Pem.readPrivateKey(pki.serviceAccountKeyFile())));
  }

  @Test
  void refusesToReplaceACaWhoseKeyIsMissing() throws Exception {
    ClusterPki.ensure(dir, options);
    Files.delete(dir.resolve("ca.key"));

    assertThatThrownBy(() -> ClusterPki.ensure(dir, options)).hasMessageContaining("found only one of");
  }

  @Test
  void writesAnAdminKubeconfigForTheCluster() throws Exception {
    ClusterPki pki = ClusterPki.ensure(dir, options);

    Kubeconfig kubeconfig = pki.kubeconfig(URI.create("https://127.0.0.1:6443"), pki.read(ClusterPki.ADMIN), "admin", "kube4j");

    assertThat(kubeconfig.currentContext()).isEqualTo("kube4j");
    assertThat(Pem.parseCertificates(Kubeconfig.decodeData(
        kubeconfig.cluster("kube4j").orElseThrow().cluster().certificateAuthorityData())))
        .containsExactly(pki.ca().certificate());
  }

  @Test
  void opensAnExistingPkiWithoutCreatingOne() throws Exception {
    assertThatThrownBy(() -> ClusterPki.open(dir, options)).hasMessageContaining("no cluster CA at");
    ClusterPki created = ClusterPki.ensure(dir, options);

    assertThat(ClusterPki.open(dir, options).ca().certificate()).isEqualTo(created.ca().certificate());
  }

  private static List<String> fileNames(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<byte[]> contents(Path dir) throws Exception {
    List<byte[]> contents = new ArrayList<>();
    for (String name : fileNames(dir)) {
      contents.add(Files.readAllBytes(dir.resolve(name)));
    }
    return contents;
  }
}
