package io.kube4j.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A namespace's LimitRange through the real kubectl: defaults filled in, a pod over the max refused. */
class LimitRangeKubectlIT {

  static TestCluster cluster;
  static Kubectl admin;

  @BeforeAll
  static void start() throws IOException {
    Kubectl.assumeAvailable();
    cluster = TestCluster.start();
    admin = new Kubectl(cluster.adminKubeconfig(), Files.createTempDirectory("limits-it"));
    admin.run("create", "namespace", "limited").assertOk();
    admin.run(Map.of(), """
        apiVersion: v1
        kind: LimitRange
        metadata: {name: cpu, namespace: limited}
        spec:
          limits:
          - type: Container
            max: {cpu: 500m}
            default: {cpu: 200m}
            defaultRequest: {cpu: 100m}
        """, "apply", "-f", "-").assertOk();
    // a consistent list waits until the watch cache has the LimitRange, which admission reads
    assertThat(admin.run("get", "limitranges", "-n", "limited").assertOk().out()).contains("cpu");
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aPodWithoutResourcesGetsTheDefaults() {
    admin.run("run", "small", "--image=busybox:1.36", "-n", "limited").assertOk();
    String resources = admin.run("get", "pod", "small", "-n", "limited", "-o",
        "jsonpath={.spec.containers[0].resources}").assertOk().out();
    assertThat(resources).contains("\"limits\":{\"cpu\":\"200m\"}").contains("\"requests\":{\"cpu\":\"100m\"}");
    assertThat(admin.run("get", "pod", "small", "-n", "limited", "-o",
        "jsonpath={.metadata.annotations.kubernetes\\.io/limit-ranger}").out())
        .isEqualTo("LimitRanger plugin set: cpu request for container small; cpu limit for container small");
  }

  @Test
  void aPodOverTheMaximumIsForbiddenAndNotStored() {
    Kubectl.Result r = admin.run(Map.of(), """
        apiVersion: v1
        kind: Pod
        metadata: {name: big, namespace: limited}
        spec:
          containers:
          - name: c
            image: busybox:1.36
            resources: {limits: {cpu: "1"}}
        """, "apply", "-f", "-");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("pods \"big\" is forbidden: maximum cpu usage per Container is 500m, but limit is 1");
    assertThat(admin.run("get", "pod", "big", "-n", "limited").err()).contains("NotFound");
  }
}
