package io.kube4j.launcher.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What Linux's {@code /proc} says about a pid. Used instead of {@link ProcessHandle} alone because
 * a killed process whose parent has not reaped it yet (a zombie) still looks alive to
 * {@code ProcessHandle.isAlive()}, and because the command line must be read whole to tell our
 * component from an unrelated process that got the same pid later.
 */
final class ProcessTable {

  private ProcessTable() {}

  /** True when {@code pid} exists and is neither a zombie nor dead. */
  static boolean isRunning(long pid) {
    Optional<String> stat = read(pid, "stat");
    if (stat.isEmpty()) {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
    char state = field(stat.get(), 3).charAt(0);
    return state != 'Z' && state != 'X' && state != 'x';
  }

  /** The process's argv joined by spaces. */
  static Optional<String> commandLine(long pid) {
    return read(pid, "cmdline").map(raw -> raw.replace('\0', ' ').trim())
        .or(() -> ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()));
  }

  /** Session id: equals the pid of a session leader, i.e. a process detached by setsid. */
  static Optional<Long> sessionId(long pid) {
    return read(pid, "stat").map(stat -> Long.parseLong(field(stat, 6)));
  }

  /**
   * Field {@code n} (1-based, as in proc(5)) of {@code /proc/PID/stat}. Field 2 is the command in
   * parentheses and may itself contain spaces, so counting starts after its closing parenthesis.
   */
  private static String field(String stat, int n) {
    String afterCommand = stat.substring(stat.lastIndexOf(')') + 2);
    return afterCommand.split(" ")[n - 3];
  }

  private static Optional<String> read(long pid, String file) {
    try {
      return Optional.of(Files.readString(Path.of("/proc", Long.toString(pid), file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
