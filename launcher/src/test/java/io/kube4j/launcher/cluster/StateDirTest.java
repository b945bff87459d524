package io.kube4j.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirTest {

  @TempDir Path tmp;

  @Test
  void defaultsToDotKube4jInTheUsersHome() {
    assertThat(StateDir.fromEnvironment(Map.of("HOME", "/home/ada")).home()).isEqualTo(Path.of("/home/ada/.kube4j"));
  }

  @Test
  void kube4jHomeOverridesTheDefault() {
    StateDir state = StateDir.fromEnvironment(Map.of("HOME", "/home/ada", "KUBE4J_HOME", tmp.resolve("c2").toString()));

    assertThat(state.home()).isEqualTo(tmp.resolve("c2"));
  }

  @Test
  void ignoresABlankKube4jHome() {
    assertThat(StateDir.fromEnvironment(Map.of("HOME", "/h", "KUBE4J_HOME", " ")).home()).isEqualTo(Path.of("/h/.kube4j"));
  }

  @Test
  void laysOutEveryFileBelowTheHome() {
    StateDir state = new StateDir(Path.of("/s"));

    assertThat(state.pki()).isEqualTo(Path.of("/s/pki"));
    assertThat(state.etcdData()).isEqualTo(Path.of("/s/etcd"));
    assertThat(state.adminKubeconfig()).isEqualTo(Path.of("/s/admin.kubeconfig"));
    assertThat(state.userKubeconfig("alice")).isEqualTo(Path.of("/s/users/alice.kubeconfig"));
    assertThat(state.logFile("etcd")).isEqualTo(Path.of("/s/logs/etcd.log"));
    assertThat(state.pidFile("apiserver")).isEqualTo(Path.of("/s/run/apiserver.pid"));
    assertThat(state.clusterProperties()).isEqualTo(Path.of("/s/cluster.properties"));
  }

  @Test
  void createsAnOwnerOnlyHomeWithLogAndRunDirectories() throws Exception {
    StateDir state = new StateDir(tmp.resolve("home"));

    state.create();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.home()))).isEqualTo("rwx------");
    assertThat(state.logs()).isDirectory();
    assertThat(state.run()).isDirectory();
  }
}
