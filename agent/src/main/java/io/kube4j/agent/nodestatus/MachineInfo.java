package io.kube4j.agent.nodestatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What the node is made of ({@code cadvisorapi.MachineInfo} plus the OS facts {@code nodeInfo}
 * reports): capacity of cpu, memory, ephemeral storage and pods, and the identifiers shown by
 * {@code kubectl describe node}.
 *
 * @param cpuMillis cpu capacity in millicores (4 cores: 4000)
 * @param memoryBytes memory capacity
 * @param ephemeralStorageBytes the size of the filesystem holding the agent's root directory
 * @param maxPods {@code --max-pods}: the {@code pods} capacity
 * @param operatingSystem Go's GOOS ({@code linux})
 * @param architecture Go's GOARCH ({@code amd64}, {@code arm64})
 * @param kernelVersion {@code uname -r}
 * @param osImage {@code PRETTY_NAME} of /etc/os-release
 * @param machineId /etc/machine-id
 * @param systemUuid the DMI product uuid, or the machine id
 * @param bootId /proc/sys/kernel/random/boot_id
 */
public record MachineInfo(long cpuMillis, long memoryBytes, long ephemeralStorageBytes, int maxPods,
    String operatingSystem, String architecture, String kernelVersion, String osImage, String machineId,
    String systemUuid, String bootId) {

  /** This host, as the kubelet's cadvisor would see it. */
  public static MachineInfo ofHost(int maxPods, Path rootDir) {
    long memory = readMemTotal().orElse(Runtime.getRuntime().maxMemory());
    long storage;
    try {
      Path existing = rootDir;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      storage = Files.getFileStore(existing == null ? Path.of("/") : existing).getTotalSpace();
    } catch (IOException e) {
      storage = 0;
    }
    String machineId = read("/etc/machine-id").orElse(UUID.randomUUID().toString().replace("-", ""));
    return new MachineInfo(Runtime.getRuntime().availableProcessors() * 1000L, memory, storage, maxPods, goos(),
        goarch(), System.getProperty("os.version"), hostOsImage(), machineId,
        read("/sys/class/dmi/id/product_uuid").orElse(machineId),
        read("/proc/sys/kernel/random/boot_id").orElse(UUID.randomUUID().toString()));
  }

  /** A made-up machine for a simulated node: same OS facts as the host, the given capacity. */
  public static MachineInfo simulated(String nodeName, long cpuMillis, long memoryBytes, long storageBytes,
      int maxPods) {
    String id = UUID.nameUUIDFromBytes(nodeName.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    return new MachineInfo(cpuMillis, memoryBytes, storageBytes, maxPods, goos(), goarch(),
        System.getProperty("os.version"), hostOsImage(), id.replace("-", ""), id, UUID.randomUUID().toString());
  }

  static String goos() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    return os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
  }

  static String goarch() {
    String arch = System.getProperty("os.arch");
    return switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> arch;
    };
  }

  private static String hostOsImage() {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (line.startsWith("PRETTY_NAME=")) {
          return line.substring("PRETTY_NAME=".length()).replace("\"", "");
        }
      }
    } catch (IOException e) {
      // not Linux, or no os-release
    }
    return System.getProperty("os.name");
  }

  private static Optional<Long> readMemTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return Optional.empty();
  }

  private static Optional<String> read(String file) {
    try {
      return Optional.of(Files.readString(Path.of(file)).trim()).filter(s -> !s.isEmpty());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
