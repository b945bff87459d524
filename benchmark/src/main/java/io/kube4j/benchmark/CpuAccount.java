package io.kube4j.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Where the CPU went during a run: etcd (a child process), and this JVM's threads, native ones (GC,
 * JIT) included, grouped by what they do from their names in {@code /proc/self/task/<tid>/stat}. The
 * apiserver runs in this JVM beside the benchmark's own clients, so this is how the clients' share
 * is told apart from the server's. Linux only; elsewhere every part reads zero.
 */
final class CpuAccount {

  /**
   * The parts, in the order a create meets them: the benchmark's own client threads, the apiserver's
   * Netty event loops (TLS, HTTP), its request workers (decode, admission, registry, encode), its
   * watch dispatch, the jetcd client's threads (gRPC), etcd, and the JVM's GC and JIT compilers.
   */
  static final List<String> PARTS = List.of("client", "netty", "handlers", "dispatch", "jetcd", "etcd", "gc", "jit",
      "other");

  /** Linux's USER_HZ: /proc reports CPU time in ticks of 10 ms on every architecture Java runs on. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  /**
   * CPU time of benchmark client threads that have finished: a thread's time vanishes from /proc
   * when it exits, so each adds its own here on the way out ({@link #clientThreadFinishing()}).
   */
  private static final AtomicLong FINISHED_CLIENT_CPU_NANOS = new AtomicLong();

  /** Cumulative CPU time by part at one instant. */
  record Sample(long wallNanos, Map<String, Long> cpuNanos) {}

  /** Keys of a sample beside the parts: the whole machine's busy and idle time, from /proc/stat. */
  static final String MACHINE_BUSY = "machine busy";
  static final String MACHINE_IDLE = "machine idle";

  /**
   * CPU cores used by each part between two samples (cpu seconds / wall seconds), and by every
   * other process on the machine (other benchmarks, builds: this machine is shared), and left idle.
   */
  record Usage(Duration wall, Map<String, Double> cores, double otherProcesses, double idle) {
    double total() {
      return cores.values().stream().mapToDouble(Double::doubleValue).sum();
    }
  }

  /** Called by a benchmark client thread as its last act, so that its CPU time is not lost. */
  static void clientThreadFinishing() {
    FINISHED_CLIENT_CPU_NANOS.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
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
    // benchmark clients that exited report their own time; other exited threads are in the process total only
    long finishedClients = FINISHED_CLIENT_CPU_NANOS.get();
    cpu.merge("client", finishedClients, Long::sum);
    Thread process = read(Path.of("/proc/self/stat"));
    if (process != null) {
      cpu.merge("other", Math.max(0, process.cpuNanos() - threads - finishedClients), Long::sum);
    }
    cpu.put("etcd", ProcessHandle.current().children()
        .filter(p -> p.info().command().map(c -> c.endsWith("etcd")).orElse(false))
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
        .sum());
    try {
      long[] machine = parseMachineStat(Files.readString(Path.of("/proc/stat")));
      cpu.put(MACHINE_BUSY, machine[0]);
      cpu.put(MACHINE_IDLE, machine[1]);
    } catch (IOException e) {
      // without /proc/stat the other processes' share reads zero
    }
    return new Sample(System.nanoTime(), cpu);
  }

  /**
   * The machine's busy and idle time from the {@code cpu} line of /proc/stat, {@code cpu user nice
   * system idle iowait irq softirq steal guest guest_nice} (ticks); guest time is already in user.
   */
  static long[] parseMachineStat(String procStat) {
    String[] f = procStat.lines().filter(l -> l.startsWith("cpu ")).findFirst().orElse("cpu 0 0 0 0 0 0 0 0")
        .trim().split("\\s+");
    long busy = 0;
    for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
      busy += Long.parseLong(f[i]);
    }
    long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
    return new long[] {busy * NANOS_PER_TICK, idle * NANOS_PER_TICK};
  }

  static Usage between(Sample before, Sample after) {
    long wall = after.wallNanos() - before.wallNanos();
    Map<String, Double> cores = new LinkedHashMap<>();
    for (String p : PARTS) {
      cores.put(p, coresOf(p, before, after, wall));
    }
    double ours = cores.values().stream().mapToDouble(Double::doubleValue).sum();
    double busy = coresOf(MACHINE_BUSY, before, after, wall);
    double idle = coresOf(MACHINE_IDLE, before, after, wall);
    return new Usage(Duration.ofNanos(wall), cores, Math.max(0, busy - ours), idle);
  }

  private static double coresOf(String key, Sample before, Sample after, long wall) {
    long used = after.cpuNanos().getOrDefault(key, 0L) - before.cpuNanos().getOrDefault(key, 0L);
    return wall == 0 ? 0 : Math.max(0, used) / (double) wall;
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
      return "client";
    }
    if (threadName.startsWith("multiThreadIo")) {
      return "netty";
    }
    if (threadName.startsWith("apiserver-")) {
      return "handlers";
    }
    if (threadName.startsWith("watch-dispatch")) {
      return "dispatch";
    }
    if (threadName.startsWith("vert.x") || threadName.startsWith("grpc") || threadName.startsWith("jetcd")) {
      return "jetcd";
    }
    if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")
        || threadName.startsWith("Sweeper")) {
      return "jit";
    }
    if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.startsWith("VM Thread")) {
      return "gc";
    }
    return "other";
  }
}
