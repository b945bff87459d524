package io.kube4j.apiserver.runtime.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected strings are what Go's {@code time.Duration.String()} prints for the same value. */
class GoDurationTest {

  record Case(String name, long nanos, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> durations() {
    return Stream.of(
        new Case("zero", 0, "0s"),
        new Case("nanoseconds", 1, "1ns"),
        new Case("microseconds with a fraction", 1_100, "1.1µs"),
        new Case("milliseconds with a fraction", 2_200_000, "2.2ms"),
        new Case("whole second", 1_000_000_000L, "1s"),
        new Case("fraction of a second without trailing zeros", 1_500_000_000L, "1.5s"),
        new Case("minutes and seconds", 90_000_000_000L, "1m30s"),
        new Case("an hour keeps its zero minutes and seconds", 3_600_000_000_000L, "1h0m0s"),
        new Case("hours, minutes and a fraction", 3_661_500_000_000L, "1h1m1.5s"),
        new Case("smallest fraction of a second", 1_000_000_001L, "1.000000001s"),
        new Case("negative", -1_000_000_000L, "-1s"),
        new Case("most negative", Long.MIN_VALUE, "-2562047h47m16.854775808s"),
        new Case("most positive", Long.MAX_VALUE, "2562047h47m16.854775807s"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("durations")
  void formatsAsGoDoes(Case c) {
    assertThat(GoDuration.format(c.nanos())).isEqualTo(c.expected());
  }
}
