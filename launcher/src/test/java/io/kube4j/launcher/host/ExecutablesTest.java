package io.kube4j.launcher.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutablesTest {

  @TempDir Path dir;

  @Test
  void findsAnExecutableAlongPathInOrder() throws Exception {
    Path first = executable(dir.resolve("a/etcd"));
    executable(dir.resolve("b/etcd"));

    assertThat(Executables.find("etcd", dir.resolve("a") + ":" + dir.resolve("b"))).hasValue(first);
  }

  @Test
  void skipsFilesThatAreNotExecutable() throws Exception {
    Files.createDirectories(dir.resolve("a"));
    Files.createFile(dir.resolve("a/etcd"));

    assertThat(Executables.find("etcd", dir.resolve("a").toString())).isEmpty();
  }

  @Test
  void takesAPathWithASlashAsIs() throws Exception {
    Path tool = executable(dir.resolve("x/tool"));

    assertThat(Executables.find(tool.toString(), "")).hasValue(tool);
    assertThat(Executables.find(dir.resolve("x/none").toString(), "")).isEmpty();
  }

  private static Path executable(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    return file;
  }
}
