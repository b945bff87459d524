package io.kube4j.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pod priority from PriorityClasses, and the tolerations every pod gets, through the real kubectl. */
class PriorityKubectlIT {

  static TestCluster cluster;
  static Kubectl admin;

  @BeforeAll
  static void start() throws IOException {
    Kubectl.assumeAvailable();
    cluster = TestCluster.start();
    admin = new Kubectl(cluster.adminKubeconfig(), Files.createTempDirectory("priority-it"));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aPriorityClassNameBecomesThePodsPriority() {
    assertThat(admin.run("get", "priorityclasses").assertOk().out()).contains("system-cluster-critical")
        .contains("system-node-critical");
    admin.run("run", "critical", "--image=busybox:1.36", "--overrides",
        "{\"spec\":{\"priorityClassName\":\"system-cluster-critical\"}}").assertOk();
    assertThat(admin.run("get", "pod", "critical", "-o", "jsonpath={.spec.priority} {.spec.preemptionPolicy}")
        .out()).isEqualTo("2000000000 PreemptLowerPriority");
    assertThat(admin.run("get", "pod", "critical", "-o", "jsonpath={.spec.tolerations[*].key}").out())
        .isEqualTo("node.kubernetes.io/not-ready node.kubernetes.io/unreachable");
  }

  @Test
  void anUnknownPriorityClassIsForbidden() {
    Kubectl.Result r = admin.run("run", "nowhere", "--image=busybox:1.36", "--overrides",
        "{\"spec\":{\"priorityClassName\":\"gold\"}}");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("pods \"nowhere\" is forbidden: no PriorityClass with name gold was found");
  }
}
