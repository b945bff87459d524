package io.kube4j.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TableTest {

  record Case(String name, double value, String text) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> numbers() {
    return Stream.of(
        new Case("nothing measured is a dash", Double.NaN, "-"),
        new Case("zero", 0, "0.00"),
        new Case("below one keeps three decimals", 0.41234, "0.412"),
        new Case("units keep two decimals", 3.714, "3.71"),
        new Case("tens keep one decimal", 41.26, "41.3"),
        new Case("hundreds are whole", 412.6, "413"),
        new Case("thousands are grouped", 4012.4, "4,012"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("numbers")
  void formatsFiguresToBeReadAtAGlance(Case c) {
    assertThat(Table.number(c.value())).isEqualTo(c.text());
  }

  @Test
  void alignsNamesLeftAndFiguresRightUnderARule() {
    String out = new Table("run", "calls/s", "p99 ms")
        .row("raw etcd put", 4012.0, 10.1)
        .row("create", 2500.0, 3.2)
        .row("LIST", 5, Double.NaN)
        .render();

    assertThat(out).isEqualTo("""
        run           calls/s  p99 ms
        -----------------------------
        raw etcd put    4,012    10.1
        create          2,500    3.20
        LIST                5       -
        """);
  }

  @Test
  void refusesARowWithTheWrongNumberOfCells() {
    assertThatThrownBy(() -> new Table("a", "b").row("only one"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 2 cells");
  }
}
