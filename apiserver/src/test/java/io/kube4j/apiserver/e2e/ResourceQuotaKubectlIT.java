package io.kube4j.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A ResourceQuota through the real kubectl: usage counted, the create over it refused, deletes give back. */
class ResourceQuotaKubectlIT {

  static TestCluster cluster;
  static Kubectl admin;

  @BeforeAll
  static void start() throws IOException {
    Kubectl.assumeAvailable();
    cluster = TestCluster.start();
    admin = new Kubectl(cluster.adminKubeconfig(), Files.createTempDirectory("quota-it"));
    admin.run("create", "namespace", "q").assertOk();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aQuotaRefusesWhatItCannotHoldAndGivesBackWhatIsDeleted() {
    admin.run("create", "quota", "q", "--hard=pods=2,configmaps=5", "-n", "q").assertOk();
    Conditions.await("the quota's usage is counted", Duration.ofSeconds(10),
        () -> used("pods").equals("0"));

    admin.run("run", "p1", "--image=busybox:1.36", "-n", "q").assertOk();
    admin.run("run", "p2", "--image=busybox:1.36", "-n", "q").assertOk();
    assertThat(used("pods")).isEqualTo("2");
    Kubectl.Result third = admin.run("run", "p3", "--image=busybox:1.36", "-n", "q");
    assertThat(third.exit()).isEqualTo(1);
    assertThat(third.err()).contains("pods \"p3\" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, "
        + "limited: pods=2");
    assertThat(admin.run("get", "pod", "p3", "-n", "q").err()).contains("NotFound");
    assertThat(used("pods")).isEqualTo("2");

    admin.run("delete", "pod", "p1", "-n", "q", "--grace-period=0", "--force").assertOk();
    Conditions.await("the deleted pod is given back", Duration.ofSeconds(10), () -> used("pods").equals("1"));
    admin.run("run", "p3", "--image=busybox:1.36", "-n", "q").assertOk();
    assertThat(admin.run("describe", "quota", "q", "-n", "q").assertOk().out()).contains("pods").contains("2");
  }

  private static String used(String resource) {
    return admin.run("get", "resourcequota", "q", "-n", "q", "-o", "jsonpath={.status.used." + resource + "}")
        .out().trim();
  }
}
