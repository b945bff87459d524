package io.kube4j.controllermanager.cronjob.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * robfig/cron's {@code TestActivation}, {@code TestNext} and parser tests, with the seconds field
 * (always 0 in the standard parser) dropped.
 */
class CronParserTest {

  private static final DateTimeFormatter GO_LAYOUT = DateTimeFormatter.ofPattern("EEE MMM d HH:mm yyyy", Locale.US);

  /** {@code getTime}: "Mon Jul 9 15:00 2012" in UTC, or an ISO time with offset read in New York. */
  private static ZonedDateTime time(String value) {
    if (value.matches("\\d{4}-.*")) {
      return ZonedDateTime.parse(value, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx"))
          .withZoneSameInstant(ZoneId.of("America/New_York"));
    }
    return LocalDateTime.parse(value, GO_LAYOUT).atZone(ZoneOffset.UTC);
  }

  record Activation(String name, String time, String spec, boolean expected) {
    @Override public String toString() {
      return name;
    }
  }

  static Stream<Activation> activations() {
    return Stream.of(
        new Activation("every 15 minutes at :00", "Mon Jul 9 15:00 2012", "0/15 * * * *", true),
        new Activation("every 15 minutes at :45", "Mon Jul 9 15:45 2012", "0/15 * * * *", true),
        new Activation("every 15 minutes not :40", "Mon Jul 9 15:40 2012", "0/15 * * * *", false),
        new Activation("from 5 every 15 at :05", "Mon Jul 9 15:05 2012", "5/15 * * * *", true),
        new Activation("from 5 every 15 at :20", "Mon Jul 9 15:20 2012", "5/15 * * * *", true),
        new Activation("from 5 every 15 at :50", "Mon Jul 9 15:50 2012", "5/15 * * * *", true),
        new Activation("named month matches", "Sun Jul 15 15:00 2012", "0/15 * * Jul *", true),
        new Activation("named month differs", "Sun Jul 15 15:00 2012", "0/15 * * Jun *", false),
        new Activation("everything set, dow", "Sun Jul 15 08:30 2012", "30 08 ? Jul Sun", true),
        new Activation("everything set, dom", "Sun Jul 15 08:30 2012", "30 08 15 Jul ?", true),
        new Activation("everything set, other dow", "Mon Jul 16 08:30 2012", "30 08 ? Jul Sun", false),
        new Activation("everything set, other dom", "Mon Jul 16 08:30 2012", "30 08 15 Jul ?", false),
        new Activation("@hourly on the hour", "Mon Jul 9 15:00 2012", "@hourly", true),
        new Activation("@hourly not at :04", "Mon Jul 9 15:04 2012", "@hourly", false),
        new Activation("@daily not at 15:00", "Mon Jul 9 15:00 2012", "@daily", false),
        new Activation("@daily at midnight", "Mon Jul 9 00:00 2012", "@daily", true),
        new Activation("@midnight at midnight", "Mon Jul 9 00:00 2012", "@midnight", true),
        new Activation("@weekly not on Monday", "Mon Jul 9 00:00 2012", "@weekly", false),
        new Activation("@weekly on Sunday", "Sun Jul 8 00:00 2012", "@weekly", true),
        new Activation("@weekly not at 01:00", "Sun Jul 8 01:00 2012", "@weekly", false),
        new Activation("@monthly not on the 8th", "Sun Jul 8 00:00 2012", "@monthly", false),
        new Activation("@monthly on the 1st", "Sun Jul 1 00:00 2012", "@monthly", true),
        new Activation("@yearly on Jan 1st", "Sun Jan 1 00:00 2012", "@yearly", true),
        new Activation("@annually not on Jul 1st", "Sun Jul 1 00:00 2012", "@annually", false),
        new Activation("dom and dow: dow matches", "Sun Jul 15 00:00 2012", "* * 1,15 * Sun", true),
        new Activation("dom and dow: dom 15 matches", "Fri Jun 15 00:00 2012", "* * 1,15 * Sun", true),
        new Activation("dom and dow: dom 1 matches", "Wed Aug 1 00:00 2012", "* * 1,15 * Sun", true),
        new Activation("star dom: dow must match", "Sun Jul 15 00:00 2012", "* * * * Mon", false),
        new Activation("stepped star dom is not a star", "Sun Jul 15 00:00 2012", "* * */10 * Sun", true),
        new Activation("star dow: dom must match", "Mon Jul 9 00:00 2012", "* * 1,15 * *", false),
        new Activation("star dow: dom matches", "Sun Jul 15 00:00 2012", "* * 1,15 * *", true),
        new Activation("*/2 dom with dow", "Sun Jul 15 00:00 2012", "* * */2 * Sun", true),
        new Activation("lower-case names", "Sun Jul 15 08:30 2012", "30 8 * jul sun", true));
  }

  /** The schedule fires at {@code time} exactly when expected: Next(time - 1 s) is time. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void activatesAtTheTimesTheSpecNames(Activation c) throws Exception {
    ZonedDateTime t = time(c.time());
    Optional<ZonedDateTime> next = CronParser.parseStandard(c.spec()).next(t.minusSeconds(1));
    assertThat(next.map(n -> n.toInstant().equals(t.toInstant())).orElse(false)).isEqualTo(c.expected());
  }

  record Next(String name, String time, String spec, String expected) {
    @Override public String toString() {
      return name;
    }
  }

  static Stream<Next> nexts() {
    return Stream.of(
        new Next("simple", "Mon Jul 9 14:45 2012", "0/15 * * * *", "Mon Jul 9 15:00 2012"),
        new Next("simple from :59", "Mon Jul 9 14:59 2012", "0/15 * * * *", "Mon Jul 9 15:00 2012"),
        new Next("wrap around hours", "Mon Jul 9 15:45 2012", "20-35/15 * * * *", "Mon Jul 9 16:20 2012"),
        new Next("wrap around days", "Mon Jul 9 23:46 2012", "*/15 * * * *", "Tue Jul 10 00:00 2012"),
        new Next("wrap around days with range", "Mon Jul 9 23:45 2012", "20-35/15 * * * *", "Tue Jul 10 00:20 2012"),
        new Next("wrap days, stepped hours", "Mon Jul 9 23:35 2012", "20-35/15 1/2 * * *", "Tue Jul 10 01:20 2012"),
        new Next("wrap days, hour range", "Mon Jul 9 23:35 2012", "20-35/15 10-12 * * *", "Tue Jul 10 10:20 2012"),
        new Next("stepped days", "Mon Jul 9 23:35 2012", "20-35/15 1/2 */2 * *", "Wed Jul 11 01:20 2012"),
        new Next("day range", "Mon Jul 9 23:35 2012", "20-35/15 * 9-20 * *", "Tue Jul 10 00:20 2012"),
        new Next("day range and month", "Mon Jul 9 23:35 2012", "20-35/15 * 9-20 Jul *", "Tue Jul 10 00:20 2012"),
        new Next("wrap around months", "Mon Jul 9 23:35 2012", "0 0 9 Apr-Oct ?", "Thu Aug 9 00:00 2012"),
        // v3: a stepped star (*/5) is no star, so day of month OR day of week (robfig v1 said Aug 6)
        new Next("month list with dow", "Mon Jul 9 23:35 2012", "0 0 */5 Apr,Aug,Oct Mon", "Wed Aug 1 00:00 2012"),
        new Next("month with dow", "Mon Jul 9 23:35 2012", "0 0 */5 Oct Mon", "Mon Oct 1 00:00 2012"),
        new Next("wrap around years", "Mon Jul 9 23:35 2012", "0 0 * Feb Mon", "Mon Feb 4 00:00 2013"),
        new Next("wrap around years, stepped dow", "Mon Jul 9 23:35 2012", "0 0 * Feb Mon/2", "Fri Feb 1 00:00 2013"),
        new Next("wrap everything", "Mon Dec 31 23:59 2012", "* * * * *", "Tue Jan 1 00:00 2013"),
        new Next("leap year", "Mon Jul 9 23:35 2012", "0 0 29 Feb ?", "Mon Feb 29 00:00 2016"),
        new Next("DST EST to EDT", "2012-03-11T00:00:00-0500", "TZ=America/New_York 30 2 11 Mar ?",
            "2013-03-11T02:30:00-0400"),
        new Next("DST EDT to EST", "2012-11-04T00:00:00-0400", "TZ=America/New_York 30 2 04 Nov ?",
            "2012-11-04T02:30:00-0500"),
        new Next("DST EDT to EST, repeated hour", "2012-11-04T01:45:00-0400", "TZ=America/New_York 30 1 04 Nov ?",
            "2012-11-04T01:30:00-0500"),
        new Next("CRON_TZ prefix", "Mon Jul 9 23:35 2012", "CRON_TZ=Asia/Tokyo 0 9 * * *", "Tue Jul 10 00:00 2012"),
        new Next("@every 90s", "Mon Jul 9 23:35 2012", "@every 1m30s", "Mon Jul 9 23:36:30 2012"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nexts")
  void findsTheNextActivation(Next c) throws Exception {
    ZonedDateTime expected = c.expected().matches("\\d{4}-.*") ? time(c.expected())
        : c.expected().chars().filter(ch -> ch == ':').count() == 2
            ? LocalDateTime.parse(c.expected(), DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US))
                .atZone(ZoneOffset.UTC)
            : time(c.expected());
    assertThat(CronParser.parseStandard(c.spec()).next(time(c.time())).orElseThrow().toInstant())
        .isEqualTo(expected.toInstant());
  }

  @Test
  void anUnsatisfiableScheduleHasNoNextTime() throws Exception {
    assertThat(CronParser.parseStandard("0 0 30 Feb ?").next(time("Mon Jul 9 23:35 2012"))).isEmpty();
    assertThat(CronParser.parseStandard("0 0 31 Apr ?").next(time("Mon Jul 9 23:35 2012"))).isEmpty();
  }

  record Invalid(String spec, String error) {
    @Override public String toString() {
      return "'" + spec + "'";
    }
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        new Invalid("", "empty spec string"),
        new Invalid("* * * *", "expected exactly 5 fields, found 4: [* * * *]"),
        new Invalid("* * * * * *", "expected exactly 5 fields, found 6: [* * * * * *]"),
        new Invalid("60 * * * *", "end of range (60) above maximum (59): 60"),
        new Invalid("* 24 * * *", "end of range (24) above maximum (23): 24"),
        new Invalid("* * 0 * *", "beginning of range (0) below minimum (1): 0"),
        new Invalid("* * * 13 *", "end of range (13) above maximum (12): 13"),
        new Invalid("* * * * 7", "end of range (7) above maximum (6): 7"),
        new Invalid("5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1"),
        new Invalid("1-2-3 * * * *", "too many hyphens: 1-2-3"),
        new Invalid("*/5/5 * * * *", "too many slashes: */5/5"),
        new Invalid("*/0 * * * *", "step of range should be a positive number: */0"),
        new Invalid("a * * * *", "failed to parse int from a: strconv.Atoi: parsing \"a\": invalid syntax"),
        new Invalid("* * * FOO *", "failed to parse int from FOO: strconv.Atoi: parsing \"FOO\": invalid syntax"),
        new Invalid("@fortnightly", "unrecognized descriptor: @fortnightly"),
        new Invalid("@every 5x", "failed to parse duration @every 5x: time: invalid duration \"5x\""),
        new Invalid("TZ=Mars/Olympus * * * * *", "provided bad location Mars/Olympus: unknown time zone Mars/Olympus"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesWithRobfigsMessage(Invalid c) {
    assertThatThrownBy(() -> CronParser.parseStandard(c.spec())).isInstanceOf(CronSyntaxException.class)
        .hasMessage(c.error());
  }

  @Test
  void descriptorsAreTheFiveFieldLinesTheyStandFor() throws Exception {
    ZonedDateTime from = time("Mon Jul 9 15:04 2012");
    for (String[] pair : new String[][] {{"@yearly", "0 0 1 1 *"}, {"@annually", "0 0 1 1 *"},
        {"@monthly", "0 0 1 * *"}, {"@weekly", "0 0 * * 0"}, {"@daily", "0 0 * * *"}, {"@midnight", "0 0 * * *"},
        {"@hourly", "0 * * * *"}}) {
      assertThat(CronParser.parseStandard(pair[0]).next(from)).as(pair[0])
          .isEqualTo(CronParser.parseStandard(pair[1]).next(from));
    }
  }
}
