package io.kube4j.launcher.process;

import io.kube4j.launcher.cluster.Component;
import io.kube4j.launcher.cluster.StateDir;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Starts components as detached background processes and stops them again, possibly from another
 * {@code ./kube4j} invocation: the pid file is the only link between the two.
 *
 * <p>Detached means the component outlives the launcher's JVM and ignores the terminal: it is run
 * through {@code setsid}, so it leads its own session and a Ctrl-C aimed at {@code ./kube4j up}
 * does not reach it; its stdin is {@code /dev/null} and its output goes to its log file. Because
 * the launcher's process never leads a process group, {@code setsid} runs the component in place
 * (no fork), so the pid Java reports is the component's own.
 *
 * <p>A pid file is trusted only while the process it names is running and its command line
 * mentions this cluster's state directory (every component's flags do): a pid reused by an
 * unrelated process after a reboot is never signalled.
 */
public final class ProcessControl {

  /** How long a component gets after SIGKILL before stop gives up waiting. */
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(50);
  /** {@code setsid} execs the component within microseconds; this only bounds a pathological case. */
  private static final Duration EXEC_WAIT = Duration.ofSeconds(5);

  /** A component just started by this JVM; {@code process} tells whether it has exited already. */
  public record Started(long pid, Process process) {}

  /** What {@link #stop} did. */
  public sealed interface Stopped permits Stopped.NotRunning, Stopped.Terminated, Stopped.Killed {
    record NotRunning() implements Stopped {}

    record Terminated(long pid) implements Stopped {}

    record Killed(long pid) implements Stopped {}
  }

  private final StateDir state;
  private final JavaRuntime java;
  private final Optional<Path> setsid;

  public ProcessControl(StateDir state, JavaRuntime java, Optional<Path> setsid) {
    this.state = state;
    this.java = java;
    this.setsid = setsid;
  }

  /** The command line that runs {@code component}. */
  public List<String> command(Component component) {
    List<String> command = new ArrayList<>();
    setsid.ifPresent(path -> command.add(path.toString()));
    if (component.program() instanceof Component.Binary binary) {
      command.add(binary.command());
      command.addAll(component.args());
    } else if (component.program() instanceof Component.JavaMain main) {
      command.addAll(java.command(main.mainClass(), main.jvmOptions(), component.args()));
    }
    return command;
  }

  /** Starts {@code component} with output appended to its log and records its pid. */
  public Started start(Component component) throws IOException {
    List<String> command = command(component);
    Path log = state.logFile(component.name());
    Files.createDirectories(log.getParent());
    Files.writeString(log, "==== kube4j: starting " + component.name() + " at " + Instant.now() + ": "
        + String.join(" ", command) + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Process process = new ProcessBuilder(command)
        .directory(state.home().toFile())
        .redirectInput(Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(Redirect.appendTo(log.toFile()))
        .start();
    Files.createDirectories(state.run());
    Files.writeString(state.pidFile(component.name()), process.pid() + System.lineSeparator());
    // the component's own program, as setsid will exec it (argv[0] after setsid's)
    awaitExec(process, command.get(setsid.isPresent() ? 1 : 0));
    return new Started(process.pid(), process);
  }

  /**
   * Waits until the component's program runs in the new process (or it has exited), so that from
   * here on the process's command line is the component's own. Before that it is the forked JVM's,
   * then setsid's; neither names the component, and {@link #runningPid} would not recognise it.
   */
  private void awaitExec(Process process, String program) {
    Instant deadline = Instant.now().plus(EXEC_WAIT);
    while (process.isAlive() && Instant.now().isBefore(deadline) && !execed(process.pid(), program)) {
      Thread.onSpinWait();
    }
  }

  private static boolean execed(long pid, String program) {
    return ProcessTable.commandLine(pid).map(c -> c.equals(program) || c.startsWith(program + " ")).orElse(false);
  }

  /** The pid of the running component {@code name}, if its pid file names a live process of this cluster. */
  public OptionalLong runningPid(String name) {
    OptionalLong pid = recordedPid(name);
    if (pid.isPresent() && isRunningHere(pid.getAsLong())) {
      return pid;
    }
    return OptionalLong.empty();
  }

  /**
   * Stops component {@code name}: SIGTERM, up to {@code grace} to exit, then SIGKILL. The pid file
   * is removed in every case, so a second stop is a no-op.
   */
  public Stopped stop(String name, Duration grace) throws IOException {
    OptionalLong pid = runningPid(name);
    Stopped result = new Stopped.NotRunning();
    if (pid.isPresent()) {
      long p = pid.getAsLong();
      ProcessHandle.of(p).ifPresent(ProcessHandle::destroy);
      if (awaitExit(p, grace)) {
        result = new Stopped.Terminated(p);
      } else {
        ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly);
        if (!awaitExit(p, KILL_WAIT)) {
          throw new IOException(name + " (pid " + p + ") did not exit after SIGKILL");
        }
        result = new Stopped.Killed(p);
      }
    }
    Files.deleteIfExists(state.pidFile(name));
    return result;
  }

  /** Names of all components with a pid file, running or not (e.g. one no longer declared). */
  public List<String> recordedComponents() throws IOException {
    if (!Files.isDirectory(state.run())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(state.run())) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".pid"))
          .map(n -> n.substring(0, n.length() - ".pid".length()))
          .sorted()
          .toList();
    }
  }

  public OptionalLong recordedPid(String name) {
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(state.pidFile(name)).trim()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private boolean isRunningHere(long pid) {
    return ProcessTable.isRunning(pid)
        && ProcessTable.commandLine(pid).map(c -> c.contains(state.home().toString())).orElse(false);
  }

  private static boolean awaitExit(long pid, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (ProcessTable.isRunning(pid)) {
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !ProcessTable.isRunning(pid);
      }
    }
    return true;
  }
}
