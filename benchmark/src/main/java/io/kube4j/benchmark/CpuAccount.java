package io.kube4j.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the CPU went during a run: etcd (a child process), and this JVM's threads, native ones (GC,
 * JIT) included, grouped by what they do from their names in {@code /proc/self/task/<tid>/stat}. The
 * apiserver runs in this JVM beside the benchmark's own clients, so this is how the clients' share
 * is told apart from the server's. Linux only; elsewhere every part reads zero.
 */
final class CpuAccount {

  /** The parts, in the order a create meets them. */
  static final List<String> PARTS = List.of("bench client", "apiserver netty", "apiserver handlers",
      "watch dispatch", "jetcd", "etcd", "gc", "jit", "other");

  /** Linux's USER_HZ: /proc reports CPU time in ticks of 10 ms on every architecture Java runs on. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  /** Cumulative CPU time by part at one instant. */
  record Sample(long wallNanos, Map<String, Long> cpuNanos) {}

  /** CPU cores used by each part between two samples (cpu seconds / wall seconds). */
  record Usage(Duration wall, Map<String, Double> cores) {
    double total() {
      return cores.values().stream().mapToDouble(Double::doubleValue).sum();
    }
  }

  Sample sample() {
    Map<String, Long> cpu = new LinkedHashMap<>();
    PARTS.forEach(p -> cpu.put(p, 0L));
    long threads = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        Thread t = read(task.resolve("stat"));
        if (t != null) {
          cpu.merge(part(t.name()), t.cpuNanos(), Long::sum);
          threads += t.cpuNanos();
        }
      }
    } catch (IOException e) {
      return new Sample(System.nanoTime(), cpu);
    }
    // threads that exited since the JVM started are in the process total only
    Thread process = read(Path.of("/proc/self/stat"));
    if (process != null) {
      cpu.merge("other", Math.max(0, process.cpuNanos() - threads), Long::sum);
    }
    cpu.put("etcd", ProcessHandle.current().children()
        .filter(p -> p.info().command().map(c -> c.endsWith("etcd")).orElse(false))
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
        .sum());
    return new Sample(System.nanoTime(), cpu);
  }

  static Usage between(Sample before, Sample after) {
    long wall = after.wallNanos() - before.wallNanos();
    Map<String, Double> cores = new LinkedHashMap<>();
    for (String p : PARTS) {
      long used = after.cpuNanos().getOrDefault(p, 0L) - before.cpuNanos().getOrDefault(p, 0L);
      cores.put(p, wall == 0 ? 0 : Math.max(0, used) / (double) wall);
    }
    return new Usage(Duration.ofNanos(wall), cores);
  }

  /** A thread (or process) as /proc reports it: its name, at most 15 characters, and its user + system time. */
  record Thread(String name, long cpuNanos) {}

  private static Thread read(Path stat) {
    try {
      return parseStat(Files.readString(stat));
    } catch (IOException e) {
      return null; // the thread exited between listing and reading
    }
  }

  /**
   * Parses a {@code stat} line, {@code 123 (name) S 1 ... utime stime ...}: the name may itself hold
   * spaces and parentheses, so the fields are counted from the last ')'; utime and stime are
   * fields 14 and 15.
   */
  static Thread parseStat(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    String[] fields = line.substring(close + 2).trim().split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return new Thread(line.substring(open + 1, close), ticks * NANOS_PER_TICK);
  }

  /** The part a thread belongs to, by the names its pool gives it (cut to 15 characters by Linux). */
  static String part(String threadName) {
    if (threadName.startsWith("bench-") || threadName.startsWith("HttpClient-")) {
      return "bench client";
    }
    if (threadName.startsWith("multiThreadIo")) {
      return "apiserver netty";
    }
    if (threadName.startsWith("apiserver-")) {
      return "apiserver handlers";
    }
    if (threadName.startsWith("watch-dispatch")) {
      return "watch dispatch";
    }
    if (threadName.startsWith("vert.x") || threadName.startsWith("grpc") || threadName.startsWith("jetcd")) {
      return "jetcd";
    }
    if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
      return "jit";
    }
    if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.startsWith("VM Thread")) {
      return "gc";
    }
    return "other";
  }
}
