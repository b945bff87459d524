package io.kube4j.agent.cri.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupTreeTest {

  @TempDir Path fs;

  @Test
  void removesTheCgroupInEveryV1HierarchyDeepestFirst() throws Exception {
    for (String controller : new String[] {"memory", "cpu"}) {
      Files.createDirectories(fs.resolve(controller).resolve("kube4j/podA/container1"));
      Files.createDirectories(fs.resolve(controller).resolve("kube4j/podB"));
      Files.createDirectories(fs.resolve(controller).resolve("other"));
    }
    Files.createDirectories(fs.resolve("pids"));

    int removed = CgroupTree.remove(fs, "/kube4j");

    assertThat(removed).isEqualTo(8);
    assertThat(fs.resolve("memory/kube4j")).doesNotExist();
    assertThat(fs.resolve("cpu/kube4j")).doesNotExist();
    assertThat(fs.resolve("memory/other")).isDirectory();
  }

  @Test
  void removesTheCgroupOnTheUnifiedHierarchy() throws Exception {
    Files.createDirectories(fs.resolve("kube4j/podA"));

    assertThat(CgroupTree.remove(fs, "/kube4j")).isEqualTo(2);
    assertThat(fs.resolve("kube4j")).doesNotExist();
  }

  @Test
  void anAbsentCgroupIsNothingToDo() throws Exception {
    assertThat(CgroupTree.remove(fs, "/nothing/here")).isZero();
  }

  @Test
  void refusesTheRootCgroup() {
    assertThatThrownBy(() -> CgroupTree.remove(fs, "/")).hasMessageContaining("root cgroup");
  }
}
