package io.kube4j.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A kubelet's identity ({@code system:node:n1} in {@code system:nodes}) through the real kubectl:
 * it reads the secret a pod bound to it uses and no other, and writes only its own Node and pods.
 */
class NodeAuthorizationIT {

  static TestCluster cluster;
  static Kubectl admin;
  static Kubectl n1;

  @BeforeAll
  static void start() throws IOException {
    Kubectl.assumeAvailable();
    cluster = TestCluster.start();
    Path dir = Files.createTempDirectory("node-it");
    admin = new Kubectl(cluster.adminKubeconfig(), Files.createDirectories(dir.resolve("admin")));
    Path config = cluster.pki().kubeconfig(dir.resolve("n1.kubeconfig"), cluster.url(), "system:node:n1",
        List.of("system:nodes"));
    n1 = new Kubectl(config, Files.createDirectories(dir.resolve("n1")));
    admin.run("create", "namespace", "apps").assertOk();
    admin.run("create", "secret", "generic", "db-password", "--from-literal=p=hunter2", "-n", "apps").assertOk();
    admin.run("create", "secret", "generic", "unrelated", "--from-literal=p=x", "-n", "apps").assertOk();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aNodeReadsOnlyTheSecretsOfItsOwnPods() {
    admin.run(java.util.Map.of(), pod("web", "n1", "db-password"), "apply", "-f", "-").assertOk();
    admin.run(java.util.Map.of(), pod("other", "n2", "unrelated"), "apply", "-f", "-").assertOk();

    Conditions.await("the graph has web on n1", Duration.ofSeconds(10),
        () -> n1.run("get", "secret", "db-password", "-n", "apps").exit() == 0);
    Kubectl.Result other = n1.run("get", "secret", "unrelated", "-n", "apps");
    assertThat(other.exit()).isEqualTo(1);
    assertThat(other.err()).contains("secrets \"unrelated\" is forbidden: User \"system:node:n1\" cannot get resource "
        + "\"secrets\" in API group \"\" in the namespace \"apps\": no relationship found between node 'n1' and this "
        + "object");
    assertThat(n1.run("get", "secrets", "-n", "apps").exit()).isEqualTo(1);

    // the pod moves away (deleted): its secret is out of reach at once
    admin.run("delete", "pod", "web", "-n", "apps", "--grace-period=0", "--force").assertOk();
    Conditions.await("the graph forgets web", Duration.ofSeconds(10),
        () -> n1.run("get", "secret", "db-password", "-n", "apps").exit() == 1);
  }

  @Test
  void aNodeWritesOnlyItsOwnNodeAndPods() {
    admin.run(java.util.Map.of(), node("n2"), "apply", "-f", "-").assertOk();
    n1.run(java.util.Map.of(), node("n1"), "create", "-f", "-").assertOk();
    n1.run("label", "node", "n1", "kubernetes.io/os=linux").assertOk();

    Kubectl.Result otherNode = n1.run("label", "node", "n2", "kubernetes.io/os=linux");
    assertThat(otherNode.exit()).isEqualTo(1);
    assertThat(otherNode.err()).contains("nodes \"n2\" is forbidden: node \"n1\" is not allowed to modify node \"n2\"");

    admin.run(java.util.Map.of(), pod("theirs", "n2", "unrelated"), "apply", "-f", "-").assertOk();
    Kubectl.Result otherPod = n1.run("delete", "pod", "theirs", "-n", "apps", "--wait=false");
    assertThat(otherPod.exit()).isEqualTo(1);
    assertThat(otherPod.err()).contains("pods \"theirs\" is forbidden: node \"n1\" can only delete pods with "
        + "spec.nodeName set to itself");
    assertThat(admin.run("get", "pod", "theirs", "-n", "apps").exit()).isZero();
  }

  private static String pod(String name, String node, String secret) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: apps}
        spec:
          nodeName: %s
          containers: [{name: c, image: busybox:1.36}]
          volumes: [{name: s, secret: {secretName: %s}}]
        """.formatted(name, node, secret);
  }

  private static String node(String name) {
    return """
        apiVersion: v1
        kind: Node
        metadata: {name: %s}
        """.formatted(name);
  }
}
