package io.kube4j.benchmark;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Makes each measured run the same way: an unmeasured warm-up at the same concurrency, then the run
 * itself with the CPU accounted around it; both go into the {@link Report}. Progress goes to stderr
 * so that stdout carries only the report.
 *
 * <p>The warm-up makes at least its number of calls, then goes on in one-second slices until the JIT
 * compilers are nearly idle (they compete with the apiserver and etcd for this machine's cores, and
 * a C2 compile of a hot path takes seconds here), or until its time limit.
 */
final class Runs {

  /** JIT compilers using less than this many cores over a slice count as settled. */
  static final double JIT_SETTLED_CORES = 0.1;
  private static final Duration SLICE = Duration.ofSeconds(1);

  private final Report report;
  private final CpuAccount cpu = new CpuAccount();
  private final Duration warmupLimit;

  /** @param warmupLimit how long a warm-up may go on waiting for the JIT to settle */
  Runs(Report report, Duration warmupLimit) {
    this.report = report;
    this.warmupLimit = warmupLimit;
  }

  Report report() {
    return report;
  }

  Measurement measure(String name, int clients, long warmup, LoadRunner.Operation warmupOp, long count,
      LoadRunner.Operation op) throws InterruptedException {
    if (warmup > 0) {
      warmUp(name, clients, warmup, warmupOp);
    }
    progress(name + ", " + clients(clients) + ": " + count + " measured calls");
    CpuAccount.Sample before = cpu.sample();
    Measurement m = LoadRunner.run(name, clients, count, op);
    report.cpu(name + ", " + clients(clients), CpuAccount.between(before, cpu.sample()));
    report.run(m);
    return m;
  }

  private void warmUp(String name, int clients, long calls, LoadRunner.Operation op) throws InterruptedException {
    long started = System.nanoTime();
    long next = 0;
    long errors = 0;
    String firstError = "";
    double jit = Double.NaN;
    for (long slice = calls; ; slice = 0) {
      long offset = next;
      CpuAccount.Sample before = cpu.sample();
      Measurement w = LoadRunner.run(name + " (warm-up)", clients, slice, SLICE, i -> op.call(offset + i));
      jit = CpuAccount.between(before, cpu.sample()).cores().get("jit");
      // indexes handed out in a slice stay below its calls plus one per client
      next += w.operations() + clients;
      errors += w.errors();
      firstError = firstError.isEmpty() ? w.firstError() : firstError;
      if (jit < JIT_SETTLED_CORES || System.nanoTime() - started > warmupLimit.toNanos()) {
        break;
      }
    }
    progress(String.format(java.util.Locale.ROOT, "%s, %s: warmed up with %,d calls in %.1f s (JIT %.2f cores)",
        name, clients(clients), next, (System.nanoTime() - started) / 1e9, jit));
    if (errors > 0) {
      report.note(name + " (warm-up, " + clients(clients) + "): " + errors + " errors, first: " + firstError);
    }
  }

  /** Runs {@code work} with the CPU accounted around it under {@code label}. */
  <T> T accounted(String label, Callable<T> work) throws Exception {
    CpuAccount.Sample before = cpu.sample();
    T result = work.call();
    report.cpu(label, CpuAccount.between(before, cpu.sample()));
    return result;
  }

  /** "1 client", "16 clients". */
  static String clients(int n) {
    return n == 1 ? "1 client" : n + " clients";
  }

  static void progress(String line) {
    System.err.println("[bench] " + line);
  }
}
