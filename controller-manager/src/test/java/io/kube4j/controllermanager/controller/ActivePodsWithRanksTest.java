package io.kube4j.controllermanager.controller;

import static io.kube4j.controllermanager.testing.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Which of two pods a ReplicaSet deletes first, rule by rule, as upstream's TestSortingActivePodsWithRanks. */
class ActivePodsWithRanksTest {

  static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");

  /** {@code first} is deleted before {@code second}. */
  record Case(String name, Pod first, int firstRank, Pod second, int secondRank) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("unassigned before assigned", pod("a").unassigned().build(), 0, pod("b").phase("Pending").build(), 0),
        new Case("pending before unknown", pod("a").phase("Pending").build(), 0, pod("b").phase("Unknown").build(), 0),
        new Case("unknown before running", pod("a").phase("Unknown").build(), 0, pod("b").build(), 0),
        new Case("not ready before ready", pod("a").notReady().build(), 0, pod("b").ready().build(), 0),
        new Case("lower deletion cost first", pod("a").ready().annotation(ActivePodsWithRanks.POD_DELETION_COST, "-5")
            .build(), 0, pod("b").ready().build(), 0),
        new Case("doubled up before alone", pod("a").ready().build(), 3, pod("b").ready().build(), 1),
        new Case("ready for less time before longer", pod("a").ready().readySince("2026-01-01T00:59:58Z").build(), 0,
            pod("b").ready().readySince("2026-01-01T00:40:00Z").build(), 0),
        new Case("more restarts before fewer", pod("a").ready().restarts(4).build(), 0,
            pod("b").ready().restarts(1).build(), 0),
        new Case("newer before older", pod("a").created("2026-01-01T00:59:57Z").build(), 0,
            pod("b").created("2026-01-01T00:30:00Z").build(), 0),
        new Case("no creation time before any", pod("a").build(), 0, pod("b").created("2026-01-01T00:30:00Z").build(), 0),
        new Case("same power-of-two age: smaller UID first", pod("a").uid("1").created("2026-01-01T00:59:55Z").build(), 0,
            pod("b").uid("2").created("2026-01-01T00:59:53Z").build(), 0),
        new Case("an earlier rule wins over a later one", pod("a").notReady().created("2026-01-01T00:00:00Z").build(), 0,
            pod("b").ready().created("2026-01-01T00:59:59Z").build(), 5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void ordersForDeletion(Case c) {
    var order = ActivePodsWithRanks.order(NOW);
    var first = new ActivePodsWithRanks.Ranked(c.first(), c.firstRank());
    var second = new ActivePodsWithRanks.Ranked(c.second(), c.secondRank());
    assertThat(order.compare(first, second)).isNegative();
    assertThat(order.compare(second, first)).isPositive();
  }

  @Test
  void ranksByRelatedActivePodsOnTheSameNode() {
    Pod crowded = pod("crowded").node("n1").ready().build();
    Pod alone = pod("alone").node("n2").ready().build();
    List<Pod> related = List.of(crowded, pod("sibling-1").node("n1").build(), pod("sibling-2").node("n1").build(),
        alone, pod("finished").node("n2").phase("Succeeded").build());

    assertThat(ActivePodsWithRanks.sortForDeletion(List.of(alone, crowded), related, NOW))
        .extracting(p -> p.getMetadata().getName()).containsExactly("crowded", "alone");
  }

  @Test
  void logRankIsThePowerOfTwoOfTheAgeInNanoseconds() {
    // 3 s = 3e9 ns: 2^31 (2.1e9) <= 3e9 < 2^32 (4.3e9)
    assertThat(ActivePodsWithRanks.logRank(NOW.minusSeconds(3), NOW)).isEqualTo(31);
    assertThat(ActivePodsWithRanks.logRank(NOW.minusSeconds(5), NOW)).isEqualTo(32);
    assertThat(ActivePodsWithRanks.logRank(NOW.minusSeconds(7), NOW)).isEqualTo(32);
    assertThat(ActivePodsWithRanks.logRank(NOW, NOW)).isEqualTo(-1);
  }
}
