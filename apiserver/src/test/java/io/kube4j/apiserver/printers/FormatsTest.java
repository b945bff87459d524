package io.kube4j.apiserver.printers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FormatsTest {

  record Case(String name, LabelSelector selector, String formatted) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> labelSelectors() {
    return Stream.of(
        new Case("nil selector", null, "<none>"),
        new Case("empty selector", new LabelSelector(), "<none>"),
        new Case("match labels sorted by key",
            new LabelSelectorBuilder().withMatchLabels(Map.of("tier", "front", "app", "web")).build(), "app=web,tier=front"),
        new Case("set-based requirements, values sorted",
            new LabelSelectorBuilder()
                .addNewMatchExpression().withKey("env").withOperator("NotIn").withValues("prod", "dev").endMatchExpression()
                .addNewMatchExpression().withKey("canary").withOperator("DoesNotExist").endMatchExpression()
                .addNewMatchExpression().withKey("app").withOperator("Exists").endMatchExpression()
                .addNewMatchExpression().withKey("zone").withOperator("In").withValues("b", "a").endMatchExpression()
                .build(),
            "app,!canary,env notin (dev,prod),zone in (a,b)"),
        new Case("unknown operator", new LabelSelectorBuilder().addNewMatchExpression().withKey("a")
            .withOperator("Gt").withValues("1").endMatchExpression().build(), "<error>"),
        new Case("exists with values", new LabelSelectorBuilder().addNewMatchExpression().withKey("a")
            .withOperator("Exists").withValues("1").endMatchExpression().build(), "<error>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void labelSelectors(Case c) {
    assertThat(Formats.formatLabelSelector(c.selector())).isEqualTo(c.formatted());
  }

  @Test
  void formatLabelsSortsByKeyAndShowsNoneWhenEmpty() {
    assertThat(Formats.formatLabels(Map.of("b", "2", "a", "1"))).isEqualTo("a=1,b=2");
    assertThat(Formats.formatLabels(Map.of())).isEqualTo("<none>");
    assertThat(Formats.formatLabels(null)).isEqualTo("<none>");
  }

  @Test
  void accessModesFollowAFixedOrderWithoutDuplicates() {
    assertThat(Formats.accessModes(List.of("ReadWriteOncePod", "ReadOnlyMany", "ReadWriteOnce", "ReadOnlyMany")))
        .isEqualTo("RWO,ROX,RWOP");
    assertThat(Formats.accessModes(null)).isEmpty();
  }

  @Test
  void timestampsWithOffsetsAndFractionsParse() {
    assertThat(Formats.parseTime("2025-03-01T13:00:00+01:00")).contains(Fixtures.NOW);
    assertThat(Formats.parseTime("2025-03-01T12:00:00.000001Z")).isPresent();
    assertThat(Formats.parseTime("")).isEmpty();
    assertThat(Formats.since((String) null, Fixtures.NOW)).isEqualTo("<unknown>");
  }
}
