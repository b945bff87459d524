package io.kube4j.apiserver.printers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HumanDurationTest {

  record Case(String name, Duration duration, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Duration s(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  private static final long M = 60;
  private static final long H = 60 * M;
  private static final long D = 24 * H;
  private static final long Y = 365 * D;

  // the boundaries of duration_test.go TestHumanDuration, plus the tolerance for clock skew
  static Stream<Case> humanDuration() {
    return Stream.of(
        new Case("two seconds in the future is invalid", s(-2), "<invalid>"),
        new Case("1.999s in the future is now", Duration.ofMillis(-1999), "0s"),
        new Case("one second in the future is now", s(-1), "0s"),
        new Case("zero", s(0), "0s"),
        new Case("half a second truncates", Duration.ofMillis(500), "0s"),
        new Case("1s", s(1), "1s"),
        new Case("seconds up to two minutes", s(119), "119s"),
        new Case("two minutes", s(2 * M), "2m"),
        new Case("minutes and seconds below ten minutes", s(3 * M + 12), "3m12s"),
        new Case("9m59s", s(10 * M - 1), "9m59s"),
        new Case("ten minutes drops seconds", s(10 * M + 30), "10m"),
        new Case("minutes up to three hours", s(3 * H - 1), "179m"),
        new Case("three hours", s(3 * H), "3h"),
        new Case("hours and minutes below eight hours", s(7 * H + 59 * M), "7h59m"),
        new Case("eight hours drops minutes", s(8 * H + 30 * M), "8h"),
        new Case("hours up to two days", s(48 * H - 1), "47h"),
        new Case("two days", s(48 * H), "2d"),
        new Case("days and hours below eight days", s(7 * D + 23 * H), "7d23h"),
        new Case("eight days drops hours", s(8 * D + 5 * H), "8d"),
        new Case("days up to two years", s(2 * Y - 1), "729d"),
        new Case("two years", s(2 * Y), "2y"),
        new Case("years and days below eight years", s(2 * Y + 3 * D), "2y3d"),
        new Case("eight years drops days", s(8 * Y + 100 * D), "8y"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void humanDuration(Case c) {
    assertThat(HumanDuration.format(c.duration())).isEqualTo(c.expected());
  }

  static Stream<Case> shortHumanDuration() {
    return Stream.of(
        new Case("two seconds in the future is invalid", s(-2), "<invalid>"),
        new Case("one second in the future is now", s(-1), "0s"),
        new Case("59s", s(59), "59s"),
        new Case("one minute", s(M), "1m"),
        new Case("59m", s(H - 1), "59m"),
        new Case("one hour", s(H), "1h"),
        new Case("23h", s(D - 1), "23h"),
        new Case("one day", s(D), "1d"),
        new Case("364d", s(Y - 1), "364d"),
        new Case("one year", s(Y), "1y"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void shortHumanDuration(Case c) {
    assertThat(HumanDuration.formatShort(c.duration())).isEqualTo(c.expected());
  }
}
