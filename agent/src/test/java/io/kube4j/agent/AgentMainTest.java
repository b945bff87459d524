package io.kube4j.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AgentMainTest {

  private static AgentOptions parse(String... args) {
    AgentMain main = new AgentMain();
    new CommandLine(main).parseArgs(args);
    return main.options();
  }

  @Test
  void defaultsAreTheKubelets() {
    AgentOptions o = parse();
    assertThat(o.nodeStatusUpdateFrequency()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.nodeStatusReportFrequency()).isEqualTo(Duration.ofMinutes(5));
    assertThat(o.nodeLeaseDurationSeconds()).isEqualTo(40);
    assertThat(o.leaseRenewInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.maxPods()).isEqualTo(110);
    assertThat(o.simulated().memoryBytes()).isEqualTo(16L << 30);
  }

  @Test
  void readsLabelsTaintsDurationsAndSimulatedNodes() {
    AgentOptions o = parse("--node-labels=a=b,topology.kubernetes.io/zone=z1",
        "--register-with-taints=dedicated=infra:NoSchedule,gpu:NoExecute", "--node-status-update-frequency=1m30s",
        "--nodes=3", "--node-name-prefix=sim", "--simulated-cpu=1500m", "--cert-dir=/tmp/x");
    assertThat(o.nodeLabels()).containsEntry("a", "b").containsEntry("topology.kubernetes.io/zone", "z1");
    assertThat(o.registerWithTaints()).extracting(t -> t.getKey() + "=" + t.getValue() + ":" + t.getEffect())
        .containsExactly("dedicated=infra:NoSchedule", "gpu=null:NoExecute");
    assertThat(o.nodeStatusUpdateFrequency()).isEqualTo(Duration.ofSeconds(90));
    assertThat(List.of(o.nodeName(1, "host"), o.nodeName(3, "host"))).containsExactly("sim-1", "sim-3");
    assertThat(o.kubeconfigOf("sim-2").toString()).isEqualTo("/tmp/x/sim-2/kubelet.conf");
    assertThat(o.simulated().cpuMillis()).isEqualTo(1500);
  }

  @Test
  void oneNodeIsNamedAfterTheHostOrTheOverride() {
    assertThat(parse().nodeName(1, "My-Host")).isEqualTo("my-host");
    assertThat(parse("--hostname-override=worker").nodeName(1, "My-Host")).isEqualTo("worker");
  }

  @Test
  void rejectsATaintWithAnUnknownEffect() {
    assertThatThrownBy(() -> AgentMain.taints(List.of("a=b:Sometimes")))
        .hasMessage("invalid taint effect: Sometimes, unsupported taint effect");
  }
}
