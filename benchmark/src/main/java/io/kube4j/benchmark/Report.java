package io.kube4j.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one benchmark run prints: the machine, one row per measured run, notes (ratios, sizes,
 * watch figures), the goals with PASS/MISS, and where the CPU went in each run.
 */
final class Report {

  private final List<String> header = new ArrayList<>();
  private final Table runs = new Table("run", "clients", "calls", "errors", "calls/s", "p50 ms", "p99 ms", "max ms");
  private final List<String> notes = new ArrayList<>();
  private final List<Goal> goals = new ArrayList<>();
  private final Table cpu;
  /** Runs during which other processes took a noticeable share of the machine. */
  private final List<String> disturbed = new ArrayList<>();

  /** Other processes using more than this many cores make a run's figures suspect. */
  static final double DISTURBANCE_CORES = 0.25;

  Report() {
    List<String> cols = new ArrayList<>(List.of("run", "wall s"));
    cols.addAll(CpuAccount.PARTS);
    cols.add("total");
    cols.add("others");
    cols.add("idle");
    cpu = new Table(cols.toArray(String[]::new));
  }

  void header(String label, String text) {
    header.add(String.format("%-8s %s", label, text));
  }

  void run(Measurement m) {
    runs.row(m.name(), m.clients(), m.operations(), m.errors(), m.perSecond(), m.p50Millis(), m.p99Millis(),
        m.maxMillis());
    if (m.errors() > 0) {
      notes.add(m.name() + " (" + Runs.clients(m.clients()) + "): " + m.errors() + " errors, first: " + m.firstError());
    }
  }

  void note(String text) {
    notes.add(text);
  }

  void goal(Goal g) {
    goals.add(g);
  }

  void cpu(String run, CpuAccount.Usage usage) {
    List<Object> cells = new ArrayList<>();
    cells.add(run);
    cells.add(usage.wall().toMillis() / 1000.0);
    CpuAccount.PARTS.forEach(p -> cells.add(usage.cores().get(p)));
    cells.add(usage.total());
    cells.add(usage.otherProcesses());
    if (usage.otherProcesses() > DISTURBANCE_CORES) {
      disturbed.add(String.format(java.util.Locale.ROOT, "  %s: %.2f cores", run, usage.otherProcesses()));
    }
    cells.add(usage.idle());
    cpu.row(cells.toArray());
  }

  String render() {
    StringBuilder out = new StringBuilder("kube4j apiserver benchmark\n\n");
    header.forEach(h -> out.append(h).append('\n'));
    out.append("\nmeasured runs (closed loop: each client sends its next call when the last one answered)\n");
    out.append(runs.render());
    if (!notes.isEmpty()) {
      out.append('\n');
      notes.forEach(n -> out.append(n).append('\n'));
    }
    Table g = new Table("goal", "measured", "target", "verdict");
    goals.forEach(x -> g.row(x.name(), x.measuredText(), x.targetText(), x.verdict()));
    out.append("\ngoals\n").append(g.render());
    out.append("""

        CPU cores used by each part during each measured run (cpu seconds / wall seconds). The apiserver and the
        benchmark's clients share one JVM: client = benchmark caller threads; netty = apiserver TLS + HTTP event
        loops; handlers = apiserver request workers (decode, admission, registry, encode); dispatch = watch
        dispatch; jetcd = gRPC threads of the jetcd client (the apiserver's, or the raw-put client's); others =
        every other process on this machine meanwhile; idle = cores left unused.
        """);
    out.append(cpu.render());
    if (!disturbed.isEmpty()) {
      out.append("\nWARNING: other processes used more than ").append(DISTURBANCE_CORES)
          .append(" cores during these runs; their figures understate kube4j and etcd on a quiet machine:\n");
      disturbed.forEach(d -> out.append(d).append('\n'));
    }
    return out.toString();
  }
}
