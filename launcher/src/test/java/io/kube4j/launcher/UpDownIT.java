package io.kube4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kube4j.launcher.host.Executables;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, as a user runs it: {@code ./kube4j up} in a fresh {@code KUBE4J_HOME}, then the real
 * kubectl against the admin kubeconfig, {@code status}, and {@code down}.
 */
class UpDownIT {

  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

  @TempDir Path home;

  private Path root;

  record Result(int exitCode, String output) {}

  @BeforeEach
  void requireTools() {
    String path = System.getenv("PATH");
    assumeTrue(Executables.find("etcd", path).isPresent(), "etcd is not on PATH (Debian/Ubuntu: apt-get install etcd-server)");
    assumeTrue(Executables.find("kubectl", path).isPresent(), "kubectl is not on PATH");
    assumeTrue(classExists("io.kube4j.apiserver.ApiServerMain"),
        "the apiserver's main class io.kube4j.apiserver.ApiServerMain is not built yet");
    root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("kube4j")).as("the ./kube4j script next to the launcher module").isExecutable();
  }

  @AfterEach
  void alwaysDown() throws Exception {
    if (root != null) {
      kube4j("down");
    }
  }

  @Test
  void upServesReadyzToKubectlAndDownStopsEveryProcess() throws Exception {
    int port = freePort();

    Result up = kube4j("up", "--port", Integer.toString(port), "--nodes", "2");

    assertThat(up.exitCode()).as(up.output()).isZero();
    assertThat(up.output()).contains("export KUBECONFIG=" + home.resolve("admin.kubeconfig"))
        .contains("rbac: nodes may join with a bootstrap token (created kubeadm:kubelet-bootstrap, "
            + "kubeadm:node-autoapprove-bootstrap, kubeadm:node-autoapprove-certificate-rotation)")
        .contains("agent: containers are simulated")
        .contains("nodes: kube4j-node-1 .. kube4j-node-2 registered");

    Result readyz = kubectl("get", "--raw", "/readyz");
    assertThat(readyz.exitCode()).as(readyz.output()).isZero();
    assertThat(readyz.output().trim()).isEqualTo("ok");

    Result status = kube4j("status");
    assertThat(status.exitCode()).as(status.output()).isZero();
    assertThat(status.output()).containsPattern("etcd +\\d+ ").containsPattern("apiserver +\\d+ +" + port + " +healthy")
        .containsPattern("controller-manager +\\d+ +\\d+ +healthy")
        .containsPattern("scheduler +\\d+ +\\d+ +healthy")
        .containsPattern("agent +\\d+ +\\d+ +healthy");
    // the controller-manager runs its controllers: a new namespace gets its default service account
    assertThat(kubectl("create", "namespace", "up-it").exitCode()).isZero();
    awaitOk(() -> kubectl("get", "serviceaccount", "default", "-n", "up-it").exitCode() == 0);

    // the agent's nodes joined by TLS bootstrap; the scheduler places a pod there and it runs (simulated)
    awaitOk(() -> kubectl("get", "nodes", "--no-headers").output().lines()
        .filter(l -> l.startsWith("kube4j-node-") && l.contains(" Ready ")).count() == 2);
    assertThat(kubectl("run", "x", "--image=busybox").exitCode()).isZero();
    awaitOk(() -> kubectl("get", "pod", "x", "-o", "jsonpath={.status.phase} {.status.podIP}").output()
        .matches("Running \\d+\\.\\d+\\.\\d+\\.\\d+"));
    Result delete = kubectl("delete", "pod", "x");
    assertThat(delete.exitCode()).as(delete.output()).isZero();

    Result again = kube4j("up");
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.output()).contains("kube4j is already running");

    List<Long> pids = recordedPids();
    assertThat(pids).hasSize(5);

    Result down = kube4j("down");
    assertThat(down.exitCode()).as(down.output()).isZero();
    assertThat(down.output()).contains("agent: stopped").contains("scheduler: stopped").contains("controller-manager: stopped").contains("apiserver: stopped")
        .contains("etcd: stopped");
    for (long pid : pids) {
      awaitGone(pid);
    }
    assertThat(recordedPids()).isEmpty();
    assertThat(kube4j("down").exitCode()).isZero();
  }

  private Result kube4j(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(root.resolve("kube4j").toString()));
    command.addAll(List.of(args));
    // the IT runs after `package`: the jar is fresh, never rebuild from inside a Maven build
    return run(command, Map.of("KUBE4J_HOME", home.toString(), "KUBE4J_NO_BUILD", "1"));
  }

  /** kubectl with its own HOME and cache, so no discovery cache of another test or user leaks in. */
  private Result kubectl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", home.resolve("admin.kubeconfig").toString()));
    command.addAll(List.of(args));
    Path kubectlHome = Files.createDirectories(home.resolve("kubectl-home"));
    return run(command, Map.of("HOME", kubectlHome.toString(), "KUBECACHEDIR", kubectlHome.resolve("cache").toString()));
  }

  private static Result run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private List<Long> recordedPids() throws IOException {
    try (Stream<Path> files = Files.list(home.resolve("run"))) {
      List<Path> pidFiles = files.filter(p -> p.toString().endsWith(".pid")).toList();
      List<Long> pids = new ArrayList<>();
      for (Path file : pidFiles) {
        pids.add(Long.parseLong(Files.readString(file).trim()));
      }
      return pids;
    }
  }

  /** Gone, or a zombie waiting for init to reap it: either way no longer running. */
  /** Polls {@code condition} with backoff until it holds, for at most 30 s. */
  private static void awaitOk(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    long pauseMillis = 50;
    while (!condition.call()) {
      assertThat(Instant.now()).as("condition still false").isBefore(deadline);
      java.util.concurrent.locks.LockSupport.parkNanos(pauseMillis * 1_000_000);
      pauseMillis = Math.min(pauseMillis * 2, 1000);
    }
  }

  private static void awaitGone(long pid) throws IOException {
    Instant deadline = Instant.now().plusSeconds(30);
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    while (true) {
      if (!Files.exists(stat)) {
        return;
      }
      String text;
      try {
        text = Files.readString(stat);
      } catch (IOException e) {
        return;
      }
      if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
        return;
      }
      assertThat(Instant.now()).as("pid %d still running", pid).isBefore(deadline);
      Thread.onSpinWait();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean classExists(String name) {
    try {
      Class.forName(name, false, UpDownIT.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
