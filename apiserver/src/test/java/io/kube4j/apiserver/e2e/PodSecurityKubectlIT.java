package io.kube4j.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pod Security Standards enforced from namespace labels, through the real kubectl. */
class PodSecurityKubectlIT {

  static TestCluster cluster;
  static Kubectl admin;

  @BeforeAll
  static void start() throws IOException {
    Kubectl.assumeAvailable();
    cluster = TestCluster.start();
    admin = new Kubectl(cluster.adminKubeconfig(), Files.createTempDirectory("psa-it"));
    admin.run("create", "namespace", "locked").assertOk();
    admin.run("label", "namespace", "locked", "pod-security.kubernetes.io/enforce=restricted").assertOk();
    admin.run("create", "namespace", "base").assertOk();
    admin.run("label", "namespace", "base", "pod-security.kubernetes.io/enforce=baseline").assertOk();
    admin.run("create", "namespace", "watched").assertOk();
    admin.run("label", "namespace", "watched", "pod-security.kubernetes.io/warn=restricted").assertOk();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void restrictedRefusesAnOrdinaryPodNamingEveryViolation() {
    Conditions.await("the label reaches admission", Duration.ofSeconds(10),
        () -> admin.run("run", "probe", "--image=busybox:1.36", "-n", "locked", "--dry-run=server").exit() == 1);
    Kubectl.Result r = admin.run("run", "busybox", "--image=busybox:1.36", "-n", "locked");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("pods \"busybox\" is forbidden: violates PodSecurity \"restricted:latest\": "
        + "allowPrivilegeEscalation != false (container \"busybox\" must set securityContext.allowPrivilegeEscalation="
        + "false), unrestricted capabilities (container \"busybox\" must set securityContext.capabilities.drop=[\"ALL\"]"
        + "), runAsNonRoot != true (pod or container \"busybox\" must set securityContext.runAsNonRoot=true), "
        + "seccompProfile (pod or container \"busybox\" must set securityContext.seccompProfile.type to "
        + "\"RuntimeDefault\" or \"Localhost\")");
    assertThat(admin.run("get", "pod", "busybox", "-n", "locked").err()).contains("NotFound");
  }

  @Test
  void restrictedAdmitsAPodThatMeetsIt() {
    admin.run(Map.of(), """
        apiVersion: v1
        kind: Pod
        metadata: {name: hardened, namespace: locked}
        spec:
          securityContext: {runAsNonRoot: true, runAsUser: 1000, seccompProfile: {type: RuntimeDefault}}
          containers:
          - name: c
            image: busybox:1.36
            securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
        """, "apply", "-f", "-").assertOk();
  }

  @Test
  void baselineRefusesPrivilegedAndHostAccess() {
    Kubectl.Result r = admin.run(Map.of(), """
        apiVersion: v1
        kind: Pod
        metadata: {name: root, namespace: base}
        spec:
          hostNetwork: true
          containers:
          - name: c
            image: busybox:1.36
            securityContext: {privileged: true}
        """, "apply", "-f", "-");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("pods \"root\" is forbidden: violates PodSecurity \"baseline:latest\": host namespaces "
        + "(hostNetwork=true), privileged (container \"c\" must not set securityContext.privileged=true)");
  }

  @Test
  void warnLetsThePodInAndKubectlPrintsTheWarning() {
    Conditions.await("the warn label reaches admission", Duration.ofSeconds(10),
        () -> admin.run("run", "probe", "--image=busybox:1.36", "-n", "watched", "--dry-run=server").err()
            .contains("Warning: would violate PodSecurity"));
    Kubectl.Result r = admin.run("run", "loose", "--image=busybox:1.36", "-n", "watched");
    r.assertOk();
    assertThat(r.err()).contains("Warning: would violate PodSecurity \"restricted:latest\": allowPrivilegeEscalation "
        + "!= false (container \"loose\" must set securityContext.allowPrivilegeEscalation=false)");
    assertThat(admin.run("get", "pod", "loose", "-n", "watched").assertOk().out()).contains("loose");
  }

  @Test
  void aWorkloadIsWarnedAboutFromItsPodTemplateEvenWhereEnforceRefusesPods() {
    Kubectl.Result r = admin.run("create", "deployment", "web", "--image=nginx", "-n", "watched");
    r.assertOk();
    assertThat(r.err()).contains("Warning: would violate PodSecurity \"restricted:latest\"")
        .contains("container \"nginx\" must set securityContext.allowPrivilegeEscalation=false");
    // enforce alone does not refuse the Deployment: its controller's pods would be refused
    admin.run("create", "deployment", "web", "--image=nginx", "-n", "locked").assertOk();
  }
}
