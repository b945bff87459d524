package io.kube4j.agent.cri.containerd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds programs on PATH (and in the sbin directories, where Debian puts runc, absent from a non-login PATH). */
final class Executables {

  private Executables() {}

  static Optional<Path> find(String name) {
    List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
    dirs.addAll(List.of("/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/local/bin", "/usr/bin", "/bin"));
    return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, name))
        .filter(Files::isExecutable).findFirst();
  }

  static Path require(String name) throws IOException {
    return find(name).orElseThrow(() -> new IOException(name + " not found on PATH"));
  }
}
