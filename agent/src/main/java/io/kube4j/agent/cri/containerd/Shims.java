package io.kube4j.agent.cri.containerd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The containerd-shim-runc-v2 processes serving one containerd, found by the {@code -address
 * <socket>} on their command line. A shim runs a pod's containers and outlives containerd; after
 * every sandbox is removed none should be left.
 */
public final class Shims {

  private Shims() {}

  public static List<ProcessHandle> serving(Path containerdSocket) {
    String address = containerdSocket.toString();
    return ProcessHandle.allProcesses().filter(p -> {
      List<String> argv = argv(p.pid());
      if (argv.isEmpty() || !argv.get(0).endsWith("containerd-shim-runc-v2")) {
        return false;
      }
      int i = argv.indexOf("-address");
      return i >= 0 && i + 1 < argv.size() && argv.get(i + 1).equals(address);
    }).toList();
  }

  /** /proc/<pid>/cmdline split on NUL; ProcessHandle.info() truncates and hides other users' arguments. */
  private static List<String> argv(long pid) {
    try {
      String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
      return raw.isEmpty() ? List.of() : List.of(raw.split("\0"));
    } catch (IOException e) {
      return List.of();
    }
  }
}
