package io.kube4j.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathSnapshotTest {

  @TempDir Path build;
  @TempDir Path home;

  @Test
  void copiesWildcardAndSingleJarsAndRunsFromTheCopies() throws Exception {
    Path libDir = Files.createDirectories(build.resolve("target/lib"));
    jar(libDir.resolve("a.jar"), "a");
    jar(libDir.resolve("b.jar"), "b");
    Path launcher = jar(build.resolve("target/launcher.jar"), "l");

    String classpath = ClasspathSnapshot.take(libDir + "/*:" + launcher, home.resolve("lib"));

    assertThat(classpath).isEqualTo(home.resolve("lib") + "/*");
    assertThat(names(home.resolve("lib"))).containsExactly("a.jar", "b.jar", "launcher.jar");
    assertThat(Files.readString(home.resolve("lib/a.jar"))).isEqualTo("a");
  }

  @Test
  void replacesAChangedJarWithANewFileSoRunningJvmsKeepTheOldOne() throws Exception {
    Path source = jar(build.resolve("x.jar"), "v1");
    ClasspathSnapshot.take(source.toString(), home.resolve("lib"));
    Object firstInode = Files.getAttribute(home.resolve("lib/x.jar"), "unix:ino");

    Files.writeString(source, "version 2");
    Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));
    ClasspathSnapshot.take(source.toString(), home.resolve("lib"));

    assertThat(Files.readString(home.resolve("lib/x.jar"))).isEqualTo("version 2");
    assertThat(Files.getAttribute(home.resolve("lib/x.jar"), "unix:ino")).isNotEqualTo(firstInode);
  }

  @Test
  void leavesAnUnchangedJarAlone() throws Exception {
    Path source = jar(build.resolve("x.jar"), "v1");
    ClasspathSnapshot.take(source.toString(), home.resolve("lib"));
    Object inode = Files.getAttribute(home.resolve("lib/x.jar"), "unix:ino");

    ClasspathSnapshot.take(source.toString(), home.resolve("lib"));

    assertThat(Files.getAttribute(home.resolve("lib/x.jar"), "unix:ino")).isEqualTo(inode);
  }

  @Test
  void dropsJarsNoLongerOnTheClasspath() throws Exception {
    Path a = jar(build.resolve("a.jar"), "a");
    Path b = jar(build.resolve("b.jar"), "b");
    ClasspathSnapshot.take(a + ":" + b, home.resolve("lib"));

    ClasspathSnapshot.take(a.toString(), home.resolve("lib"));

    assertThat(names(home.resolve("lib"))).containsExactly("a.jar");
  }

  @Test
  void keepsClassDirectoriesAsTheyAre() throws Exception {
    Path classes = Files.createDirectories(build.resolve("classes"));

    String classpath = ClasspathSnapshot.take(classes.toString(), home.resolve("lib"));

    assertThat(classpath).isEqualTo(home.resolve("lib") + "/*:" + classes);
  }

  private static Path jar(Path file, String content) throws Exception {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  private static java.util.List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
