package io.kube4j.agent.cri.containerd;

import io.kube4j.agent.cri.CriConnection;
import io.kube4j.agent.cri.CriException;
import io.kube4j.agent.cri.RemoteRuntimeService;
import io.kube4j.agent.cri.v1.PodSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A containerd process of our own: started with a {@link ContainerdConfig}, ready once its CRI
 * plugin answers Version, and on {@link #close()} stopped with nothing left behind (sandboxes
 * stopped and removed through CRI, stray shims killed, pod cgroup parents removed).
 *
 * <p>Shims and containers outlive a containerd that is merely killed (that is containerd's design:
 * it can restart under running pods), which is why the sandboxes are removed through CRI first.
 */
public final class Containerd implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Containerd.class);
  /** The containerd namespace of everything the CRI plugin creates, and so of images CRI sees. */
  public static final String CRI_NAMESPACE = "k8s.io";

  private final ContainerdConfig config;
  private final Process process;
  private final CriConnection connection;

  private Containerd(ContainerdConfig config, Process process, CriConnection connection) {
    this.config = config;
    this.process = process;
    this.connection = connection;
  }

  /**
   * Why containerd cannot run here, or empty when it can: it needs root and the containerd, ctr and
   * runc binaries (Debian packages containerd and runc).
   */
  public static Optional<String> unavailableReason() {
    if (!effectiveUidIsRoot()) {
      return Optional.of("containerd needs root (running as " + System.getProperty("user.name") + ")");
    }
    for (String binary : List.of("containerd", "ctr", "runc", "containerd-shim-runc-v2")) {
      if (Executables.find(binary).isEmpty()) {
        return Optional.of(binary + " is not on PATH (apt-get install containerd runc)");
      }
    }
    return Optional.empty();
  }

  /** The effective uid, second field of /proc/self/status's "Uid:" line; user.name can lie under sudo -E. */
  private static boolean effectiveUidIsRoot() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
          .map(l -> l.split("\\s+")[2]).anyMatch("0"::equals);
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes config.toml, starts containerd and waits until its CRI plugin answers Version. */
  public static Containerd start(ContainerdConfig config, Duration readyTimeout) throws IOException {
    Files.createDirectories(config.dir());
    Files.createDirectories(config.cniConfDir());
    Files.writeString(config.configFile(), config.toToml());
    Files.deleteIfExists(config.socket());
    Process process = new ProcessBuilder(Executables.require("containerd").toString(),
        "--config", config.configFile().toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(config.logFile().toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .start();
    long started = System.nanoTime();
    try {
      awaitVersion(config, process, readyTimeout);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
    LOG.info("containerd pid {} ready on {} in {} ms", process.pid(), config.endpoint(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return new Containerd(config, process, CriConnection.open(config.endpoint()));
  }

  /**
   * Polls until Version answers. A fresh short-lived channel per attempt: a channel that failed to
   * connect backs off for a second or more, far longer than containerd takes to come up (~80 ms).
   */
  private static void awaitVersion(ContainerdConfig config, Process process, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    CriException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("containerd exited with code " + process.exitValue() + "; its log ends with:\n"
            + tail(config.logFile(), 20));
      }
      if (Files.exists(config.socket())) {
        try (CriConnection probe = CriConnection.open(config.endpoint(), Duration.ofSeconds(2), Duration.ofSeconds(2))) {
          String version = probe.runtime().version().getRuntimeVersion();
          LOG.debug("containerd {} answers", version);
          return;
        } catch (CriException e) {
          last = e;
        }
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    throw new IOException("containerd did not answer CRI Version within " + timeout
        + (last == null ? " (no socket)" : ": " + last.getMessage()) + "; log:\n" + tail(config.logFile(), 20));
  }

  public ContainerdConfig config() {
    return config;
  }

  public long pid() {
    return process.pid();
  }

  /** The CRI connection to this containerd, closed with it. */
  public CriConnection cri() {
    return connection;
  }

  /** Runs {@code ctr -a <socket> -n k8s.io <args>} and returns its output; fails on a non-zero exit. */
  public String ctr(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Executables.require("ctr").toString(),
        "-a", config.socket().toString(), "-n", CRI_NAMESPACE));
    command.addAll(List.of(args));
    Process ctr = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(ctr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!ctr.waitFor(2, TimeUnit.MINUTES) || ctr.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
    return output;
  }

  /**
   * Imports an OCI image-layout tarball into the CRI namespace (CRI has no import call). The image
   * is named by the tarball's {@code io.containerd.image.name} annotation; CRI sees it at once.
   */
  public void importImage(Path ociTar) throws IOException {
    ctr("images", "import", ociTar.toString());
  }

  /** Gives {@code source} more names, e.g. {@code docker.io/library/busybox:1.36}. */
  public void tag(String source, String... targets) throws IOException {
    List<String> args = new ArrayList<>(List.of("images", "tag", "--force", source));
    args.addAll(List.of(targets));
    ctr(args.toArray(String[]::new));
  }

  /**
   * Stops and removes every pod sandbox (and so every container) this containerd runs. Stopping a
   * sandbox releases its IP and network namespace; NOT_FOUND means another caller got there first.
   */
  public int removeAllPodSandboxes() {
    RemoteRuntimeService runtime = connection.runtime();
    List<PodSandbox> sandboxes = runtime.listPodSandbox(null);
    for (PodSandbox sandbox : sandboxes) {
      try {
        runtime.stopPodSandbox(sandbox.getId());
        runtime.removePodSandbox(sandbox.getId());
      } catch (CriException e) {
        if (!e.isNotFound()) {
          throw e;
        }
      }
    }
    return sandboxes.size();
  }

  /**
   * Removes all pods, stops containerd (SIGTERM, SIGKILL after 10 s), kills shims still serving
   * this instance and removes the pod cgroup parents. Failures are logged, never thrown, so a test's
   * cleanup always runs to the end.
   */
  @Override
  public void close() {
    try {
      int removed = removeAllPodSandboxes();
      LOG.info("containerd pid {}: removed {} pod sandboxes", process.pid(), removed);
    } catch (RuntimeException e) {
      LOG.warn("containerd pid {}: removing pod sandboxes failed: {}", process.pid(), e.toString());
    }
    connection.close();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle shim : Shims.serving(config.socket())) {
      LOG.warn("containerd pid {}: killing leftover shim pid {}", process.pid(), shim.pid());
      shim.destroyForcibly();
    }
    try {
      int removed = CgroupTree.remove(config.cgroupRoot());
      LOG.info("containerd pid {}: removed {} cgroup directories under {}", process.pid(), removed, config.cgroupRoot());
    } catch (IOException e) {
      LOG.warn("removing cgroups under {} failed: {}", config.cgroupRoot(), e.toString());
    }
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(" + file + " unreadable: " + e + ")";
    }
  }
}
