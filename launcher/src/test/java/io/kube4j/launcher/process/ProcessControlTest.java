package io.kube4j.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube4j.launcher.cluster.Component;
import io.kube4j.launcher.cluster.StateDir;
import io.kube4j.launcher.host.Executables;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real (harmless) processes: {@code tail -f} on a file in the state directory. */
class ProcessControlTest {

  private static final Component.HealthCheck UNUSED = new Component.HealthCheck(URI.create("http://127.0.0.1:1/"), "");

  @TempDir Path home;

  private StateDir state;
  private ProcessControl processes;
  private Path keep;
  private Process stranger;

  @BeforeEach
  void setUp() throws Exception {
    state = new StateDir(home);
    state.create();
    keep = Files.createFile(home.resolve("keep"));
    processes = new ProcessControl(state, new JavaRuntime("java", "cp", List.of()),
        Executables.find("setsid", System.getenv("PATH")));
  }

  @AfterEach
  void tearDown() throws Exception {
    for (String name : processes.recordedComponents()) {
      processes.stop(name, Duration.ZERO);
    }
    if (stranger != null) {
      stranger.destroyForcibly().waitFor();
    }
  }

  @Test
  void prefixesCommandsWithSetsidSoComponentsIgnoreTheTerminal() {
    ProcessControl control = new ProcessControl(state, new JavaRuntime("/j/bin/java", "cp", List.of("-Xmx1g")),
        Optional.of(Path.of("/usr/bin/setsid")));

    assertThat(control.command(Component.binary("etcd", "etcd", List.of("--name", "x"), 1, UNUSED)))
        .containsExactly("/usr/bin/setsid", "etcd", "--name", "x");
    assertThat(control.command(Component.java("apiserver", "a.Main", List.of("--p=1"), 1, UNUSED)))
        .containsExactly("/usr/bin/setsid", "/j/bin/java", "-Xmx1g", "-cp", "cp", "a.Main", "--p=1");
  }

  @Test
  void startsADetachedProcessAndRecordsItsPid() throws Exception {
    ProcessControl.Started started = processes.start(tail("tailer"));

    assertThat(Files.readString(state.pidFile("tailer")).trim()).isEqualTo(Long.toString(started.pid()));
    assertThat(processes.runningPid("tailer")).hasValue(started.pid());
    assertThat(ProcessTable.commandLine(started.pid())).hasValueSatisfying(c -> assertThat(c).startsWith("tail -f"));
    if (Executables.find("setsid", System.getenv("PATH")).isPresent()) {
      assertThat(ProcessTable.sessionId(started.pid())).as("session leader").hasValue(started.pid());
    }
    assertThat(Files.readString(state.logFile("tailer"))).startsWith("==== kube4j: starting tailer at ");
  }

  @Test
  void stopsWithSigtermAndRemovesThePidFile() throws Exception {
    long pid = processes.start(tail("tailer")).pid();

    ProcessControl.Stopped stopped = processes.stop("tailer", Duration.ofSeconds(10));

    assertThat(stopped).isEqualTo(new ProcessControl.Stopped.Terminated(pid));
    assertThat(ProcessTable.isRunning(pid)).isFalse();
    assertThat(state.pidFile("tailer")).doesNotExist();
    assertThat(processes.stop("tailer", Duration.ofSeconds(10))).isEqualTo(new ProcessControl.Stopped.NotRunning());
  }

  @Test
  void killsAProcessThatIgnoresSigtermAfterTheGracePeriod() throws Exception {
    Component stubborn = Component.binary("stubborn", "sh",
        List.of("-c", "trap '' TERM; exec tail -f \"$0\"", keep.toString()), 0, UNUSED);
    long pid = processes.start(stubborn).pid();
    await(() -> ProcessTable.commandLine(pid).orElse("").startsWith("tail"));

    ProcessControl.Stopped stopped = processes.stop("stubborn", Duration.ofMillis(300));

    assertThat(stopped).isEqualTo(new ProcessControl.Stopped.Killed(pid));
    assertThat(ProcessTable.isRunning(pid)).isFalse();
  }

  @Test
  void neverSignalsAProcessOfAnotherClusterThatReusedThePid() throws Exception {
    stranger = new ProcessBuilder("tail", "-f", "/dev/null").start();
    Files.writeString(state.pidFile("etcd"), Long.toString(stranger.pid()));

    assertThat(processes.runningPid("etcd")).isEmpty();
    assertThat(processes.stop("etcd", Duration.ofSeconds(1))).isEqualTo(new ProcessControl.Stopped.NotRunning());
    assertThat(stranger.isAlive()).isTrue();
    assertThat(state.pidFile("etcd")).doesNotExist();
  }

  @Test
  void treatsAPidFileOfAnExitedProcessAsNotRunning() throws Exception {
    Process exited = new ProcessBuilder("true").start();
    exited.waitFor();
    Files.writeString(state.pidFile("etcd"), Long.toString(exited.pid()));

    assertThat(processes.runningPid("etcd")).isEmpty();
    assertThat(processes.recordedComponents()).containsExactly("etcd");
  }

  @Test
  void ignoresAGarbledPidFile() throws Exception {
    Files.writeString(state.pidFile("etcd"), "not a pid");

    assertThat(processes.runningPid("etcd")).isEmpty();
  }

  private Component tail(String name) {
    return Component.binary(name, "tail", List.of("-f", keep.toString()), 0, UNUSED);
  }

  private static void await(BooleanSupplier condition) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("condition not met within 10s").isBefore(deadline);
      Thread.onSpinWait();
    }
  }
}
