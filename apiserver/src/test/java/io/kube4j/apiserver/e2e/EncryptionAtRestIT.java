package io.kube4j.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Secrets encrypted at rest: etcd holds only ciphertext with its provider prefix; kubectl reads plaintext. */
class EncryptionAtRestIT {

  static TestCluster cluster;
  static Kubectl admin;

  @BeforeAll
  static void start() throws Exception {
    Kubectl.assumeAvailable();
    Path dir = Files.createTempDirectory("encryption-it");
    Path config = Files.writeString(dir.resolve("encryption.yaml"), """
        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        resources:
        - resources: [secrets]
          providers:
          - aescbc:
              keys: [{name: key1, secret: %s}]
          - identity: {}
        """.formatted(Base64.getEncoder().encodeToString("an-aes-256-key-of-32-bytes-long!".getBytes())));
    cluster = TestCluster.startWithEncryption(config);
    admin = new Kubectl(cluster.adminKubeconfig(), dir);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void etcdHoldsOnlyCiphertextAndKubectlReadsPlaintext() throws Exception {
    admin.run("create", "secret", "generic", "db", "--from-literal=password=hunter2").assertOk();
    admin.run("create", "configmap", "plain", "--from-literal=k=visible").assertOk();

    byte[] stored = etcdValue("/registry/secrets/default/db");
    String raw = new String(stored, StandardCharsets.ISO_8859_1);
    assertThat(raw).startsWith("k8s:enc:aescbc:v1:key1:").doesNotContain("hunter2")
        .doesNotContain(Base64.getEncoder().encodeToString("hunter2".getBytes()));
    assertThat(new String(etcdValue("/registry/configmaps/default/plain"), StandardCharsets.UTF_8))
        .contains("visible");

    String password = admin.run("get", "secret", "db", "-o", "jsonpath={.data.password}").assertOk().out();
    assertThat(new String(Base64.getDecoder().decode(password), StandardCharsets.UTF_8)).isEqualTo("hunter2");
    assertThat(admin.run("get", "secrets").assertOk().out()).contains("db");
  }

  private static byte[] etcdValue(String key) throws Exception {
    try (Client c = Client.builder().endpoints(cluster.etcd().endpoints().toArray(String[]::new)).build()) {
      var kvs = c.getKVClient().get(ByteSequence.from(key, StandardCharsets.UTF_8)).get().getKvs();
      assertThat(kvs).as(key).hasSize(1);
      return kvs.get(0).getValue().getBytes();
    }
  }
}
