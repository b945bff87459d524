package io.kube4j.benchmark;

import java.util.concurrent.Callable;

/**
 * Makes each measured run the same way: an unmeasured warm-up at the same concurrency (JIT, TLS
 * handshakes, connection pools), then the run itself with the CPU accounted around it; both go into
 * the {@link Report}. Progress goes to stderr so that stdout carries only the report.
 */
final class Runs {

  private final Report report;
  private final CpuAccount cpu = new CpuAccount();

  Runs(Report report) {
    this.report = report;
  }

  Report report() {
    return report;
  }

  Measurement measure(String name, int clients, long warmup, LoadRunner.Operation warmupOp, long count,
      LoadRunner.Operation op) throws InterruptedException {
    progress(name + ", " + clients + " clients: " + warmup + " warm-up + " + count + " measured");
    if (warmup > 0) {
      Measurement w = LoadRunner.run(name + " (warm-up)", clients, warmup, warmupOp);
      if (w.errors() > 0) {
        report.note(w.name() + ": " + w.errors() + " errors, first: " + w.firstError());
      }
    }
    CpuAccount.Sample before = cpu.sample();
    Measurement m = LoadRunner.run(name, clients, count, op);
    report.cpu(name + ", " + clients + " clients", CpuAccount.between(before, cpu.sample()));
    report.run(m);
    return m;
  }

  /** Runs {@code work} with the CPU accounted around it under {@code label}. */
  <T> T accounted(String label, Callable<T> work) throws Exception {
    CpuAccount.Sample before = cpu.sample();
    T result = work.call();
    report.cpu(label, CpuAccount.between(before, cpu.sample()));
    return result;
  }

  static void progress(String line) {
    System.err.println("[bench] " + line);
  }
}
