package io.kube4j.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfigTest {

  @TempDir Path home;

  private final PortAllocator ports = new PortAllocator(new Random(3), port -> true);

  @Test
  void firstUpPicksTwoDistinctEtcdPortsAndDefaultsTheApiServerTo6443() {
    ClusterConfig config = ClusterConfig.resolve(Optional.empty(), OptionalInt.empty(), ports);

    assertThat(config.apiServerPort()).isEqualTo(6443);
    assertThat(config.etcdClientPort()).isNotEqualTo(config.etcdPeerPort()).isBetween(20000, 29999);
    assertThat(config.etcdPeerPort()).isBetween(20000, 29999);
    assertThat(config.controllerManagerPort()).isBetween(20000, 29999)
        .isNotIn(config.etcdClientPort(), config.etcdPeerPort());
    assertThat(config.schedulerPort()).isBetween(20000, 29999)
        .isNotIn(config.etcdClientPort(), config.etcdPeerPort(), config.controllerManagerPort());
  }

  @Test
  void aClusterRecordedBeforeTheControllerManagerGetsAPortForIt() throws Exception {
    StateDir state = new StateDir(home);
    Files.writeString(state.clusterProperties(), "apiserver.secure-port=6443\netcd.client-port=21000\netcd.peer-port=22000\n");

    ClusterConfig config = ClusterConfig.resolve(ClusterConfig.load(state), OptionalInt.empty(), ports);

    assertThat(config.etcdClientPort()).isEqualTo(21000);
    assertThat(config.controllerManagerPort()).isBetween(20000, 29999).isNotIn(21000, 22000);
  }

  @Test
  void aClusterRecordedBeforeTheSchedulerGetsAPortForItAndKeepsTheOthers() throws Exception {
    StateDir state = new StateDir(home);
    Files.writeString(state.clusterProperties(), "apiserver.secure-port=6443\netcd.client-port=21000\n"
        + "etcd.peer-port=22000\ncontroller-manager.secure-port=23000\n");

    ClusterConfig config = ClusterConfig.resolve(ClusterConfig.load(state), OptionalInt.empty(), ports);

    assertThat(config.controllerManagerPort()).isEqualTo(23000);
    assertThat(config.schedulerPort()).isBetween(20000, 29999).isNotIn(21000, 22000, 23000);
    config.save(state);
    assertThat(Files.readString(state.clusterProperties())).contains("scheduler.secure-port=" + config.schedulerPort());
  }

  @Test
  void firstUpUsesTheRequestedApiServerPort() {
    assertThat(ClusterConfig.resolve(Optional.empty(), OptionalInt.of(16443), ports).apiServerPort()).isEqualTo(16443);
  }

  @Test
  void laterUpsReuseTheRecordedPorts() throws Exception {
    StateDir state = new StateDir(home);
    ClusterConfig first = ClusterConfig.resolve(Optional.empty(), OptionalInt.of(7443), ports);
    first.save(state);

    ClusterConfig second = ClusterConfig.resolve(ClusterConfig.load(state), OptionalInt.empty(),
        new PortAllocator(new Random(), port -> { throw new AssertionError("must not pick new ports"); }));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void anExplicitPortReplacesOnlyTheApiServerPort() {
    ClusterConfig recorded = new ClusterConfig(6443, 21000, 22000, 23000, 24000, 25000, 3);

    assertThat(ClusterConfig.resolve(Optional.of(recorded), OptionalInt.of(7443), ports))
        .isEqualTo(new ClusterConfig(7443, 21000, 22000, 23000, 24000, 25000, 3));
  }

  @Test
  void aClusterRecordedBeforeTheAgentGetsAHealthzPortAndOneNode() throws Exception {
    StateDir state = new StateDir(home);
    Files.writeString(state.clusterProperties(), "apiserver.secure-port=6443\netcd.client-port=21000\n"
        + "etcd.peer-port=22000\ncontroller-manager.secure-port=23000\nscheduler.secure-port=24000\n");

    ClusterConfig config = ClusterConfig.resolve(ClusterConfig.load(state), OptionalInt.empty(), ports);

    assertThat(config.agentHealthzPort()).isBetween(20000, 29999).isNotIn(21000, 22000, 23000, 24000);
    assertThat(config.nodes()).isEqualTo(1);
  }

  @Test
  void recordsTheNumberOfNodes() throws Exception {
    StateDir state = new StateDir(home);
    ClusterConfig.resolve(Optional.empty(), OptionalInt.empty(), ports).withNodes(5).save(state);

    assertThat(ClusterConfig.load(state).orElseThrow().nodes()).isEqualTo(5);
    assertThat(Files.readString(state.clusterProperties())).contains("agent.nodes=5");
  }

  @Test
  void movingEtcdKeepsTheApiServerPort() {
    ClusterConfig moved = new ClusterConfig(6443, 21000, 22000, 23000, 24000).withFreshEtcdPorts(ports);

    assertThat(moved.apiServerPort()).isEqualTo(6443);
    assertThat(moved.etcdClientPort()).isNotEqualTo(moved.etcdPeerPort());
  }

  @Test
  void loadsNothingBeforeTheFirstUp() throws Exception {
    assertThat(ClusterConfig.load(new StateDir(home))).isEmpty();
  }

  @Test
  void rejectsAFileWithABrokenPort() throws Exception {
    StateDir state = new StateDir(home);
    Files.writeString(state.clusterProperties(), "apiserver.secure-port=6443\netcd.client-port=x\netcd.peer-port=2\n");

    assertThatThrownBy(() -> ClusterConfig.load(state)).hasMessageContaining("etcd.client-port is not a port: x");
  }
}
