package io.kube4j.launcher.host;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Programs a cluster needs from the host, and the Debian/Ubuntu package of each. {@code up}
 * installs missing ones with apt when it runs as root on Debian or Ubuntu, and otherwise says
 * exactly what is missing and how to get it.
 */
public final class Prerequisites {

  /** A program on PATH ({@code command}) and the Debian package that provides it. */
  public record Requirement(String command, String debianPackage, String neededFor) {
    public String installHint() {
      return "apt-get install " + debianPackage;
    }
  }

  /** What the control plane needs today. */
  public static final List<Requirement> CONTROL_PLANE = List.of(
      new Requirement("etcd", "etcd-server", "etcd, where the apiserver stores every object"));

  /**
   * What real nodes will need ({@code --runtime containerd}); not checked or installed yet because
   * the agent that would use them does not exist yet.
   */
  public static final List<Requirement> CONTAINER_RUNTIME = List.of(
      new Requirement("containerd", "containerd", "running containers (CRI)"),
      new Requirement("runc", "runc", "creating containers (OCI runtime)"),
      new Requirement("/usr/lib/cni/bridge", "containernetworking-plugins", "pod networking (CNI bridge, host-local, loopback)"));

  private final Map<String, String> env;

  public Prerequisites(Map<String, String> env) {
    this.env = env;
  }

  public List<Requirement> missing(List<Requirement> requirements) {
    String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    List<Requirement> missing = new ArrayList<>();
    for (Requirement requirement : requirements) {
      if (Executables.find(requirement.command(), path).isEmpty()) {
        missing.add(requirement);
      }
    }
    return missing;
  }

  /**
   * What to tell a user who cannot have them installed automatically: one line per missing
   * program with the command that installs it.
   */
  public static List<String> howToInstall(List<Requirement> missing, boolean debianFamily) {
    List<String> lines = new ArrayList<>();
    lines.add("missing programs:");
    for (Requirement requirement : missing) {
      lines.add("  " + requirement.command() + " (for " + requirement.neededFor() + "): install with: "
          + (debianFamily ? "sudo " + requirement.installHint()
              : "your distribution's package of " + requirement.command()
                  + " (Debian/Ubuntu: " + requirement.debianPackage() + ")"));
    }
    lines.add("or run ./kube4j up as root on Debian/Ubuntu to install them automatically.");
    return lines;
  }

  public static boolean isDebianFamily() {
    return Files.exists(Path.of("/etc/debian_version"));
  }

  /** Installing needs root, apt-get and a Debian-family system. */
  public static boolean canInstall() {
    return isRoot() && Files.isExecutable(Path.of("/usr/bin/apt-get")) && isDebianFamily();
  }

  /**
   * Installs the packages of {@code requirements} with apt-get, printing apt's output; refreshes
   * the package lists once if the first attempt fails (a fresh container has none).
   */
  public static boolean install(List<Requirement> requirements, PrintStream out) throws IOException, InterruptedException {
    List<String> packages = requirements.stream().map(Requirement::debianPackage).distinct().toList();
    out.println("installing with apt-get: " + String.join(" ", packages));
    out.flush();
    if (aptGet(installCommand(packages)) == 0) {
      return true;
    }
    out.println("apt-get install failed; running apt-get update and trying again");
    out.flush();
    return aptGet(List.of("apt-get", "update")) == 0 && aptGet(installCommand(packages)) == 0;
  }

  static List<String> installCommand(List<String> packages) {
    List<String> command = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
    command.addAll(packages);
    return command;
  }

  private static int aptGet(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
    return builder.start().waitFor();
  }

  /** {@code /proc/self} belongs to the effective user of the process reading it. */
  static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }
}
