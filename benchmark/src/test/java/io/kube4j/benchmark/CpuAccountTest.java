package io.kube4j.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CpuAccountTest {

  record Case(String threadName, String part) {
    @Override
    public String toString() {
      return threadName + " -> " + part;
    }
  }

  static Stream<Case> threads() {
    return Stream.of(
        new Case("bench-client-12", "client"),
        new Case("HttpClient-1-Wo", "client"),
        new Case("multiThreadIoEv", "netty"),
        new Case("apiserver-worke", "handlers"),
        new Case("watch-dispatch-", "dispatch"),
        new Case("vert.x-eventloo", "jetcd"),
        new Case("C2 CompilerThre", "jit"),
        new Case("GC Thread#1", "gc"),
        new Case("G1 Conc#0", "gc"),
        new Case("java", "other"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("threads")
  void groupsThreadsByThePoolTheirNameComesFrom(Case c) {
    assertThat(CpuAccount.part(c.threadName())).isEqualTo(c.part());
  }

  @Test
  void readsUserPlusSystemTicksEvenWhenTheNameHoldsSpacesAndParentheses() {
    String stat = "4242 (C2 (Compiler) x) S 1 4242 4242 0 -1 4194368 100 0 0 0 250 50 0 0 20 0 30 0 12345"
        + " 1000000 100 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    CpuAccount.Thread t = CpuAccount.parseStat(stat);

    assertThat(t.name()).isEqualTo("C2 (Compiler) x");
    assertThat(t.cpuNanos()).isEqualTo(300 * 10_000_000L);
  }

  @Test
  void expressesUsageAsCoresOverTheWallTime() {
    CpuAccount.Sample before = new CpuAccount.Sample(0, Map.of("etcd", 1_000_000_000L));
    CpuAccount.Sample after = new CpuAccount.Sample(2_000_000_000L,
        Map.of("etcd", 2_000_000_000L, "jit", 500_000_000L));

    CpuAccount.Usage u = CpuAccount.between(before, after);

    assertThat(u.wall()).isEqualTo(Duration.ofSeconds(2));
    assertThat(u.cores()).containsEntry("etcd", 0.5).containsEntry("jit", 0.25).containsEntry("gc", 0.0);
    assertThat(u.total()).isEqualTo(0.75);
  }
}
