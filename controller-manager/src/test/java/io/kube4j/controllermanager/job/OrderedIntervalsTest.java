package io.kube4j.controllermanager.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** status.completedIndexes in upstream's compressed form ({@code indexed_job_utils_test.go}). */
class OrderedIntervalsTest {

  record Case(String name, List<Integer> previous, List<Integer> added, String expected, int total) {
    @Override public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("nothing", List.of(), List.of(), "", 0),
        new Case("one", List.of(), List.of(3), "3", 1),
        new Case("two adjacent are written with a comma", List.of(), List.of(7, 8), "7,8", 2),
        new Case("three adjacent make a range", List.of(), List.of(3, 4, 5), "3-5", 3),
        new Case("the example", List.of(1), List.of(3, 4, 5), "1,3-5", 4),
        new Case("filling a gap joins ranges", List.of(0, 1, 3, 4), List.of(2), "0-4", 5),
        new Case("duplicates count once", List.of(1, 2, 3), List.of(2, 3, 4), "1-4", 4),
        new Case("unordered additions", List.of(), List.of(9, 0, 5, 1), "0,1,5,9", 4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void compressesIndexesIntoRanges(Case c) {
    OrderedIntervals got = OrderedIntervals.empty().with(c.previous()).with(c.added());
    assertThat(got.toString()).isEqualTo(c.expected());
    assertThat(got.total()).isEqualTo(c.total());
    assertThat(OrderedIntervals.parse(c.expected(), 100)).isEqualTo(got);
  }

  @Test
  void parsingDropsIndexesBeyondCompletionsAndSkipsGarbage() {
    assertThat(OrderedIntervals.parse("1,3-5,7-9", 8).toString()).isEqualTo("1,3-5,7");
    assertThat(OrderedIntervals.parse("1,x,3", 10).toString()).isEqualTo("1,3");
    assertThat(OrderedIntervals.parse("1,2,3", 10).intervals()).containsExactly(new OrderedIntervals.Interval(1, 3));
  }

  @Test
  void membership() {
    OrderedIntervals oi = OrderedIntervals.parse("1,3-5,9", 10);
    assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 8, 9, 10).stream().filter(oi::has)).containsExactly(1, 3, 4, 5, 9);
  }

  @Test
  void mergeUnitesOverlappingAndAdjacentIntervals() {
    OrderedIntervals a = OrderedIntervals.parse("0-2,8-9", 20);
    OrderedIntervals b = OrderedIntervals.parse("3,5-8,12", 20);
    assertThat(a.merge(b).toString()).isEqualTo("0-3,5-9,12");
  }
}
