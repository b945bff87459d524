package io.kube4j.agent.cri.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContainerdConfigTest {

  private final ContainerdConfig config = ContainerdConfig.under(Path.of("/run/k4j"), "/kube4j");

  @Test
  void everythingLivesUnderItsOwnDirectory() {
    String toml = config.toToml();

    assertThat(toml).contains("root = \"/run/k4j/root\"", "state = \"/run/k4j/state\"",
        "address = \"/run/k4j/containerd.sock\"", "Root = \"/run/k4j/runc\"", "path = \"/run/k4j/opt\"",
        "conf_dir = \"/run/k4j/net.d\"", "bin_dir = \"/usr/lib/cni\"");
    assertThat(config.endpoint()).isEqualTo("unix:///run/k4j/containerd.sock");
  }

  @Test
  void restrictsOomScoreAdjAndUsesTheCgroupfsDriver() {
    assertThat(config.toToml()).contains("restrict_oom_score_adj = true", "SystemdCgroup = false",
        "sandbox_image = \"registry.k8s.io/pause:3.9\"", "stream_server_port = \"0\"");
  }

  @Test
  void mirrorsBecomeRegistryMirrorSections() {
    String toml = config.withMirror("docker.io", "http://127.0.0.1:5000").toToml();

    assertThat(toml).contains("[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"docker.io\"]\n"
        + "    endpoint = [\"http://127.0.0.1:5000\"]");
  }

  @Test
  void rejectsARelativeCgroupRoot() {
    assertThatThrownBy(() -> ContainerdConfig.under(Path.of("/x"), "kube4j")).hasMessageContaining("absolute");
  }
}
