package io.kube4j.launcher.host;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds programs the way the shell does: an absolute path as is, anything else along PATH. */
public final class Executables {

  private Executables() {}

  public static Optional<Path> find(String command, String path) {
    if (command.contains("/")) {
      Path file = Path.of(command);
      return Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
