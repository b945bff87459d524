package io.kube4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kube4j.launcher.cluster.ClusterConfig;
import io.kube4j.launcher.cluster.Component;
import io.kube4j.launcher.cluster.ControlPlane;
import io.kube4j.launcher.cluster.PortAllocator;
import io.kube4j.launcher.cluster.StateDir;
import io.kube4j.launcher.host.Executables;
import io.kube4j.launcher.process.HealthProbe;
import io.kube4j.launcher.process.JavaRuntime;
import io.kube4j.launcher.process.ProcessControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The etcd component as {@code ./kube4j up} declares and starts it, against the real etcd binary:
 * detached, healthy on its recorded port, stopped cleanly by pid file.
 */
class EtcdComponentIT {

  @TempDir Path home;

  private ProcessControl processes;

  @AfterEach
  void stopEtcd() throws Exception {
    if (processes != null) {
      processes.stop(ControlPlane.ETCD, Duration.ofSeconds(15));
    }
  }

  @Test
  void startsEtcdDetachedOnFreePortsAndStopsItBySigterm() throws Exception {
    assumeTrue(Executables.find("etcd", System.getenv("PATH")).isPresent(),
        "etcd is not on PATH (Debian/Ubuntu: apt-get install etcd-server)");
    StateDir state = new StateDir(home);
    state.create();
    ClusterConfig config = ClusterConfig.resolve(Optional.empty(), OptionalInt.of(PortAllocator.system().pick(java.util.Set.of())),
        PortAllocator.system());
    Component etcd = ControlPlane.components(state, config, "127.0.0.1").get(0);
    processes = new ProcessControl(state, JavaRuntime.fromEnvironment(System.getenv()),
        Executables.find("setsid", System.getenv("PATH")));

    ProcessControl.Started started = processes.start(etcd);
    HealthProbe.Result health = new HealthProbe(Optional.empty())
        .await(etcd.health(), Duration.ofSeconds(60), started.process()::isAlive);

    assertThat(health.healthy()).as(health.detail()).isTrue();
    assertThat(processes.runningPid(ControlPlane.ETCD)).hasValue(started.pid());
    assertThat(state.etcdData().resolve("member")).isDirectory();

    ProcessControl.Stopped stopped = processes.stop(ControlPlane.ETCD, Duration.ofSeconds(15));

    assertThat(stopped).isEqualTo(new ProcessControl.Stopped.Terminated(started.pid()));
    // etcd cleans up, then re-raises the signal (osutil.HandleInterrupts): 143 = 128 + SIGTERM
    assertThat(started.process().waitFor()).as("etcd's exit code after SIGTERM").isEqualTo(143);
    assertThat(Files.readString(state.logFile(ControlPlane.ETCD))).contains("received signal; shutting down");
    assertThat(processes.runningPid(ControlPlane.ETCD)).isEmpty();
  }
}
