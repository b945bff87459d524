package io.kube4j.launcher.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the jars of the build's classpath into the cluster's own {@code lib/} directory, and
 * runs Java components from there. Maven rewrites {@code launcher/target/lib/*.jar} in place
 * (same inode) at every {@code package}, so a component started from the build directory could
 * read a half-written jar the next time it loads a class while {@code ./kube4j test} runs. Copies
 * are renamed into place (a new inode), so a component already running from {@code lib/} keeps
 * the jars it opened.
 */
public final class ClasspathSnapshot {

  private ClasspathSnapshot() {}

  /**
   * Copies every jar named by {@code classpath} (entries {@code dir/*} or {@code x.jar}) into
   * {@code lib}, removes jars no longer on it, and returns the classpath to run with:
   * {@code lib/*}, followed by any class directories, which are kept as they are.
   */
  public static String take(String classpath, Path lib) throws IOException {
    Files.createDirectories(lib);
    Map<String, Path> jars = new LinkedHashMap<>();
    List<String> directories = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.endsWith("/*") || entry.equals("*")) {
        Path dir = Path.of(entry.substring(0, entry.length() - 1));
        if (Files.isDirectory(dir)) {
          try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{jar,JAR}")) {
            files.forEach(jar -> jars.putIfAbsent(jar.getFileName().toString(), jar));
          }
        }
      } else if (Files.isDirectory(Path.of(entry))) {
        directories.add(Path.of(entry).toAbsolutePath().toString());
      } else if (Files.isRegularFile(Path.of(entry))) {
        jars.putIfAbsent(Path.of(entry).getFileName().toString(), Path.of(entry));
      }
    }
    for (Map.Entry<String, Path> jar : jars.entrySet()) {
      copyIfChanged(jar.getValue(), lib.resolve(jar.getKey()));
    }
    try (DirectoryStream<Path> existing = Files.newDirectoryStream(lib, "*.{jar,JAR}")) {
      for (Path jar : existing) {
        if (!jars.containsKey(jar.getFileName().toString())) {
          Files.delete(jar);
        }
      }
    }
    List<String> result = new ArrayList<>();
    result.add(lib.toAbsolutePath() + File.separator + "*");
    result.addAll(directories);
    return String.join(File.pathSeparator, result);
  }

  /** Same size and modification time means same jar: the copy keeps the source's time. */
  private static void copyIfChanged(Path source, Path target) throws IOException {
    if (Files.exists(target)
        && Files.size(target) == Files.size(source)
        // copied times may lose sub-millisecond precision
        && Files.getLastModifiedTime(target).toMillis() == Files.getLastModifiedTime(source).toMillis()) {
      return;
    }
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
    Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
