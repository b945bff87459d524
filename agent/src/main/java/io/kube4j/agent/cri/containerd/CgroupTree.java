package io.kube4j.agent.cri.containerd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes a cgroup and everything below it in every hierarchy: on cgroup v1 each controller has its
 * own tree (/sys/fs/cgroup/memory/..., /sys/fs/cgroup/cpu/...), on v2 there is one. runc creates a
 * pod's cgroup parent when the first container starts and deletes only the container's leaf, so
 * without this every pod leaves an empty directory per controller behind. kubelet avoids that by
 * creating and deleting pod cgroups itself ({@code pkg/kubelet/cm/pod_container_manager_linux.go}).
 */
public final class CgroupTree {

  static final Path CGROUP_FS = Path.of("/sys/fs/cgroup");

  private CgroupTree() {}

  /** Removes {@code cgroup} (an absolute cgroup path) in every hierarchy; returns the directories removed. */
  public static int remove(String cgroup) throws IOException {
    return remove(CGROUP_FS, cgroup);
  }

  static int remove(Path cgroupFs, String cgroup) throws IOException {
    String relative = cgroup.replaceFirst("^/+", "");
    if (relative.isEmpty()) {
      throw new IllegalArgumentException("refusing to remove the root cgroup");
    }
    int removed = 0;
    for (Path hierarchy : hierarchies(cgroupFs)) {
      Path top = hierarchy.resolve(relative);
      if (!Files.isDirectory(top)) {
        continue;
      }
      List<Path> dirs;
      try (Stream<Path> walk = Files.walk(top)) {
        // deepest first: a cgroup can only be removed once it has no children (rmdir; the control
        // files inside are not real files and go with the directory)
        dirs = walk.filter(Files::isDirectory).sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
      }
      for (Path dir : dirs) {
        Files.delete(dir);
        removed++;
      }
    }
    return removed;
  }

  /** The cgroup fs root itself (v2, or a v1 named hierarchy mounted there) and each directory below it (v1 controllers). */
  private static List<Path> hierarchies(Path cgroupFs) throws IOException {
    if (!Files.isDirectory(cgroupFs)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(cgroupFs)) {
      return Stream.concat(Stream.of(cgroupFs), children.filter(Files::isDirectory)).toList();
    }
  }
}
