package io.kube4j.pki.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kube4j.pki.ca.CertificateAuthority;
import io.kube4j.pki.cert.CertAndKey;
import io.kube4j.pki.cert.CertConfig;
import io.kube4j.pki.cert.KeyAlgorithm;
import io.kube4j.pki.cert.Pem;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigTest {

  private final CertificateAuthority ca = CertificateAuthority.create("kubernetes", KeyAlgorithm.ECDSA_P256, Clock.systemUTC());
  private final CertAndKey admin = ca.issue(CertConfig.client("kubernetes-admin", List.of("system:masters")), KeyAlgorithm.ECDSA_P256);
  private final Kubeconfig kubeconfig = Kubeconfig.forClientCertificate(
      URI.create("https://127.0.0.1:26443"), ca.certificate(), admin, "kube4j", "admin", "kube4j");

  @Test
  void writesTheShapeKubectlReads() throws Exception {
    JsonNode doc = new YAMLMapper().readTree(kubeconfig.toYaml());

    assertThat(fieldNames(doc)).containsExactly("apiVersion", "kind", "clusters", "users", "contexts", "current-context");
    assertThat(doc.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(doc.path("kind").asText()).isEqualTo("Config");
    assertThat(doc.path("clusters").get(0).path("name").asText()).isEqualTo("kube4j");
    assertThat(doc.path("clusters").get(0).path("cluster").path("server").asText()).isEqualTo("https://127.0.0.1:26443");
    assertThat(doc.path("users").get(0).path("name").asText()).isEqualTo("admin");
    assertThat(fieldNames(doc.path("users").get(0).path("user"))).containsExactly("client-certificate-data", "client-key-data");
    assertThat(fieldNames(doc.path("contexts").get(0).path("context"))).containsExactly("cluster", "user");
    assertThat(doc.path("contexts").get(0).path("context").path("user").asText()).isEqualTo("admin");
    assertThat(doc.path("current-context").asText()).isEqualTo("kube4j");
  }

  @Test
  void embedsCertificatesAndKeyAsBase64Pem() throws Exception {
    JsonNode doc = new YAMLMapper().readTree(kubeconfig.toYaml());

    String caPem = decode(doc.path("clusters").get(0).path("cluster").path("certificate-authority-data").asText());
    String certPem = decode(doc.path("users").get(0).path("user").path("client-certificate-data").asText());
    String keyPem = decode(doc.path("users").get(0).path("user").path("client-key-data").asText());

    assertThat(Pem.parseCertificates(caPem)).containsExactly(ca.certificate());
    assertThat(Pem.parseCertificates(certPem)).containsExactly(admin.certificate());
    assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Pem.parsePrivateKey(keyPem)).isEqualTo(admin.privateKey());
  }

  @Test
  void readsBackWhatItWrote(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("admin.kubeconfig");

    kubeconfig.write(file);

    assertThat(Kubeconfig.read(file)).isEqualTo(kubeconfig);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void ignoresFieldsItDoesNotModel() {
    Kubeconfig parsed = Kubeconfig.parse("""
        apiVersion: v1
        kind: Config
        preferences: {}
        clusters:
        - name: c
          cluster: {server: "https://h:1", insecure-skip-tls-verify: true}
        users: []
        contexts:
        - name: x
          context: {cluster: c, user: u, namespace: dev}
        current-context: x
        """);

    assertThat(parsed.cluster("c").orElseThrow().cluster().server()).isEqualTo("https://h:1");
    assertThat(parsed.context("x").orElseThrow().context().namespace()).isEqualTo("dev");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64));
  }
}
