package io.kube4j.launcher.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrerequisitesTest {

  @TempDir Path bin;

  @Test
  void reportsEtcdMissingWhenItIsNotOnPath() {
    Prerequisites prerequisites = new Prerequisites(Map.of("PATH", bin.toString()));

    assertThat(prerequisites.missing(Prerequisites.CONTROL_PLANE)).extracting(Prerequisites.Requirement::command)
        .containsExactly("etcd");
  }

  @Test
  void findsEtcdOnPath() throws Exception {
    Files.createFile(bin.resolve("etcd"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

    assertThat(new Prerequisites(Map.of("PATH", bin.toString())).missing(Prerequisites.CONTROL_PLANE)).isEmpty();
  }

  @Test
  void tellsDebianUsersTheAptCommand() {
    List<String> lines = Prerequisites.howToInstall(Prerequisites.CONTROL_PLANE, true);

    assertThat(lines).contains("  etcd (for etcd, where the apiserver stores every object): install with: sudo apt-get install etcd-server");
  }

  @Test
  void tellsOtherUsersWhichPackageToLookFor() {
    List<String> lines = Prerequisites.howToInstall(Prerequisites.CONTROL_PLANE, false);

    assertThat(lines.get(1)).endsWith("your distribution's package of etcd (Debian/Ubuntu: etcd-server)");
  }

  @Test
  void installsWithoutRecommendsAndWithoutQuestions() {
    assertThat(Prerequisites.installCommand(List.of("etcd-server")))
        .containsExactly("apt-get", "install", "-y", "--no-install-recommends", "etcd-server");
  }
}
