package io.kube4j.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlPlaneTest {

  private final StateDir state = new StateDir(Path.of("/k"));
  private final ClusterConfig config = new ClusterConfig(16443, 21379, 21380, 21257, 21259, 21248, 3);

  @Test
  void startsEtcdBeforeTheApiServer() {
    assertThat(ControlPlane.components(state, config, "192.0.2.4")).extracting(Component::name)
        .containsExactly("etcd", "apiserver", "controller-manager", "scheduler", "agent");
  }

  @Test
  void startsNoAgentForZeroNodes() {
    assertThat(ControlPlane.components(state, config.withNodes(0), "192.0.2.4")).extracting(Component::name)
        .doesNotContain("agent");
  }

  @Test
  void givesTheAgentKubeletFlagsAndABootstrapKubeconfig() {
    Component agent = ControlPlane.agent(state, config);

    assertThat(agent.program()).isEqualTo(new Component.JavaMain("io.kube4j.agent.AgentMain", List.of("-Xmx512m")));
    assertThat(agent.args()).containsExactly(
        "--kubeconfig=/k/agent/kubelet.conf",
        "--bootstrap-kubeconfig=/k/bootstrap-kubelet.kubeconfig",
        "--cert-dir=/k/agent/pki",
        "--runtime=simulated",
        "--nodes=3",
        "--node-name-prefix=kube4j-node",
        "--healthz-bind-address=127.0.0.1",
        "--healthz-port=21248");
    assertThat(agent.health().url()).isEqualTo(URI.create("http://127.0.0.1:21248/healthz"));
    assertThat(ControlPlane.agent(state, config.withNodes(1)).args()).contains("--hostname-override=kube4j-node-1");
  }

  @Test
  void givesTheControllerManagerKubeadmsFlags() {
    Component cm = ControlPlane.controllerManager(state, config);

    assertThat(cm.program()).isEqualTo(new Component.JavaMain("io.kube4j.controllermanager.ControllerManagerMain"));
    assertThat(cm.args()).containsExactly(
        "--kubeconfig=/k/controller-manager.kubeconfig",
        "--bind-address=127.0.0.1",
        "--secure-port=21257",
        "--leader-elect=true",
        "--use-service-account-credentials=true",
        "--controllers=*",
        "--cluster-signing-cert-file=/k/pki/ca.crt",
        "--cluster-signing-key-file=/k/pki/ca.key",
        "--root-ca-file=/k/pki/ca.crt");
    assertThat(cm.health().url()).isEqualTo(URI.create("https://127.0.0.1:21257/healthz"));
  }

  @Test
  void givesTheSchedulerKubeadmsFlags() {
    Component scheduler = ControlPlane.scheduler(state, config);

    assertThat(scheduler.program()).isEqualTo(new Component.JavaMain("io.kube4j.scheduler.SchedulerMain"));
    assertThat(scheduler.args()).containsExactly(
        "--kubeconfig=/k/scheduler.kubeconfig",
        "--bind-address=127.0.0.1",
        "--secure-port=21259",
        "--tls-cert-file=/k/pki/scheduler-serving.crt",
        "--tls-private-key-file=/k/pki/scheduler-serving.key",
        "--leader-elect=true");
    assertThat(scheduler.port()).isEqualTo(21259);
    assertThat(scheduler.health().url()).isEqualTo(URI.create("https://127.0.0.1:21259/healthz"));
  }

  @Test
  void runsASingleMemberEtcdOnTheRecordedLoopbackPorts() {
    Component etcd = ControlPlane.etcd(state, config);

    assertThat(etcd.program()).isEqualTo(new Component.Binary("etcd"));
    assertThat(etcd.args()).containsSubsequence(
        "--name", "kube4j",
        "--data-dir", "/k/etcd",
        "--listen-client-urls", "http://127.0.0.1:21379",
        "--advertise-client-urls", "http://127.0.0.1:21379",
        "--listen-peer-urls", "http://127.0.0.1:21380",
        "--initial-advertise-peer-urls", "http://127.0.0.1:21380",
        "--initial-cluster", "kube4j=http://127.0.0.1:21380");
    assertThat(etcd.port()).isEqualTo(21379);
    assertThat(etcd.health()).isEqualTo(new Component.HealthCheck(URI.create("http://127.0.0.1:21379/health"), "\"health\":\"true\""));
  }

  @Test
  void givesTheApiServerKubernetesFlagsPointingIntoTheStateDirectory() {
    Component apiServer = ControlPlane.apiServer(state, config, "192.0.2.4");

    assertThat(apiServer.program()).isEqualTo(new Component.JavaMain("io.kube4j.apiserver.ApiServerMain"));
    assertThat(apiServer.args()).containsExactly(
        "--etcd-servers=http://127.0.0.1:21379",
        "--secure-port=16443",
        "--bind-address=0.0.0.0",
        "--advertise-address=192.0.2.4",
        "--tls-cert-file=/k/pki/apiserver.crt",
        "--tls-private-key-file=/k/pki/apiserver.key",
        "--client-ca-file=/k/pki/ca.crt",
        "--service-account-key-file=/k/pki/sa.pub",
        "--service-account-signing-key-file=/k/pki/sa.key",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--enable-bootstrap-token-auth=true",
        "--service-cluster-ip-range=10.96.0.0/12",
        "--service-node-port-range=30000-32767");
    assertThat(apiServer.health().url()).isEqualTo(URI.create("https://127.0.0.1:16443/readyz"));
  }

  @Test
  void everyComponentMentionsTheStateDirectorySoItsPidCanBeTrusted() {
    for (Component component : ControlPlane.components(state, config, "127.0.0.1")) {
      assertThat(String.join(" ", component.args())).as(component.name()).contains("/k/");
    }
  }

  @Test
  void healthChecksWantStatus200AndTheExpectedBody() {
    Component.HealthCheck readyz = ControlPlane.readyz(1);

    assertThat(readyz.accepts(200, "ok")).isTrue();
    assertThat(readyz.accepts(500, "ok")).isFalse();
    assertThat(readyz.accepts(200, "[-]etcd failed")).isFalse();
  }
}
