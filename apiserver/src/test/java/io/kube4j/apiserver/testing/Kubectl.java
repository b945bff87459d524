package io.kube4j.apiserver.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl on PATH, run against a test cluster with its own kubeconfig and its own discovery
 * cache (kubectl caches discovery per host:port for hours; a fresh cache keeps tests independent).
 */
public final class Kubectl {

  /** One run: exit status and output. */
  public record Result(int exit, String out, String err) {
    public Result assertOk() {
      if (exit != 0) {
        throw new AssertionError("kubectl failed (" + exit + "): " + err + out);
      }
      return this;
    }
  }

  private final Path kubeconfig;
  private final Path home;

  public Kubectl(Path kubeconfig, Path home) {
    this.kubeconfig = kubeconfig;
    this.home = home;
  }

  public static Optional<Path> binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path p = Path.of(dir, "kubectl");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Skips the calling test when kubectl is not installed. */
  public static void assumeAvailable() {
    org.junit.jupiter.api.Assumptions.assumeTrue(binary().isPresent(), "kubectl is not on PATH");
  }

  public Result run(String... args) {
    return run(Map.of(), null, args);
  }

  /** Runs with extra environment (e.g. {@code EDITOR}) and optional standard input. */
  public Result run(Map<String, String> env, String stdin, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary().orElseThrow().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    pb.environment().put("HOME", home.toString());
    pb.environment().put("KUBECACHEDIR", home.resolve("cache").toString());
    pb.environment().putAll(env);
    try {
      Path out = Files.createTempFile(home, "out", ".txt");
      Path err = Files.createTempFile(home, "err", ".txt");
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      if (stdin == null) {
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      }
      Process p = pb.start();
      if (stdin != null) {
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 120 s");
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Starts kubectl without waiting (e.g. {@code get -w}); output goes to {@code out}. */
  public Process start(Path out, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary().orElseThrow().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    pb.environment().put("HOME", home.toString());
    pb.environment().put("KUBECACHEDIR", home.resolve("cache").toString());
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
