package io.kube4j.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoalTest {

  record Case(String name, Goal goal, String verdict) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> goals() {
    return Stream.of(
        new Case("ratio above the floor passes", new Goal("ratio", 61, Goal.Comparison.AT_LEAST, 60, "%"), "PASS"),
        new Case("ratio exactly at the floor passes", new Goal("ratio", 60, Goal.Comparison.AT_LEAST, 60, "%"), "PASS"),
        new Case("ratio below the floor misses", new Goal("ratio", 59.9, Goal.Comparison.AT_LEAST, 60, "%"), "MISS"),
        new Case("latency under the ceiling passes", new Goal("p99", 4.9, Goal.Comparison.BELOW, 5, "ms"), "PASS"),
        new Case("latency at the ceiling misses", new Goal("p99", 5, Goal.Comparison.BELOW, 5, "ms"), "MISS"),
        new Case("a phase that did not run is not judged",
            new Goal("p99", Double.NaN, Goal.Comparison.BELOW, 5, "ms"), "not run"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goals")
  void judgesTheMeasurementAgainstTheTarget(Case c) {
    assertThat(c.goal().verdict()).isEqualTo(c.verdict());
  }

  @org.junit.jupiter.api.Test
  void writesTheTargetWithItsComparison() {
    Goal g = new Goal("GET p99", 1.234, Goal.Comparison.BELOW, 5, "ms");

    assertThat(g.measuredText()).isEqualTo("1.23 ms");
    assertThat(g.targetText()).isEqualTo("< 5.00 ms");
  }
}
