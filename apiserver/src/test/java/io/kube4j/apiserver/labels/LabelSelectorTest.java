package io.kube4j.apiserver.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.kube4j.apiserver.api.StatusException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorTest {

  private static final String LABEL_VALUE_RULE = "a valid label must be an empty string or consist of "
      + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
      + "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
      + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

  record Match(String name, String selector, Map<String, String> labels, boolean matches) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Match> matching() {
    Map<String, String> fooBaz = Map.of("foo", "bar", "baz", "blah");
    return Stream.of(
        new Match("empty selector matches anything", "", Map.of("x", "y"), true),
        new Match("empty selector matches no labels", "", Map.of(), true),
        new Match("equals", "x=y", Map.of("x", "y"), true),
        new Match("equals other value", "x=y", Map.of("x", "z"), false),
        new Match("equals missing key", "x=z", Map.of(), false),
        new Match("equals empty value matches empty label", "x=", Map.of("x", ""), true),
        new Match("equals empty value needs the key", "x=", Map.of(), false),
        new Match("all requirements must hold", "x=y,z=w", Map.of("x", "w", "z", "w"), false),
        new Match("both hold", "foo=bar,baz=blah", fooBaz, true),
        new Match("not equals", "x!=y,z!=w", Map.of("x", "z", "z", "a"), true),
        new Match("not equals same value", "x!=y,z!=w", Map.of("x", "z", "z", "w"), false),
        new Match("not equals missing key", "x!=y", Map.of(), true),
        new Match("in and notin are words in exact matches", "notin=in", Map.of("notin", "in"), true),
        new Match("exists", "x", Map.of("x", "z"), true),
        new Match("exists missing", "x", Map.of("y", "z"), false),
        new Match("does not exist", "!x", Map.of("y", "z"), true),
        new Match("does not exist present", "!x", Map.of("x", "z"), false),
        new Match("in", "env in (prod,staging)", Map.of("env", "staging"), true),
        new Match("in other value", "env in (prod,staging)", Map.of("env", "dev"), false),
        new Match("in missing key", "env in (prod)", Map.of(), false),
        new Match("in with empty value", "env in (,prod)", Map.of("env", ""), true),
        new Match("notin", "env notin (prod)", Map.of("env", "dev"), true),
        new Match("notin listed value", "env notin (prod)", Map.of("env", "prod"), false),
        new Match("notin missing key", "env notin (prod)", Map.of(), true),
        new Match("greater than", "x>1", Map.of("x", "2"), true),
        new Match("greater than equal", "x>1", Map.of("x", "1"), false),
        new Match("greater than negative label", "x>1", Map.of("x", "-5"), false),
        new Match("less than", "x<1", Map.of("x", "0"), true),
        new Match("less than signed", "x<1", Map.of("x", "-3"), true),
        new Match("less than larger", "x<1", Map.of("x", "2"), false),
        new Match("comparison needs an integer label", "x>1", Map.of("x", "2a"), false),
        new Match("comparison needs the key", "x<1", Map.of(), false),
        new Match("comparison beyond int64 is not an integer", "x>1", Map.of("x", "99999999999999999999"), false),
        new Match("comparison digits are ASCII only", "x>1", Map.of("x", "\u0665"), false),
        new Match("kubectl rollout style", "app=web,pod-template-hash in (abc)",
            Map.of("app", "web", "pod-template-hash", "abc"), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matching")
  void matchesLabelsAsKubernetesDoes(Match c) {
    assertThat(LabelSelector.parse(c.selector()).matches(c.labels())).isEqualTo(c.matches());
  }

  @Test
  void treatsNullLabelsAsNoLabels() {
    assertThat(LabelSelector.parse("!x").matches(null)).isTrue();
    assertThat(LabelSelector.parse("x").matches(null)).isFalse();
  }

  @Test
  void everythingMatchesAllAndIsEmpty() {
    assertThat(LabelSelector.everything().matches(Map.of("x", "y"))).isTrue();
    assertThat(LabelSelector.everything().isEmpty()).isTrue();
    assertThat(LabelSelector.everything().matchesNothing()).isFalse();
  }

  @Test
  void nothingMatchesNoneAndIsNotEmpty() {
    assertThat(LabelSelector.nothing().matches(Map.of())).isFalse();
    assertThat(LabelSelector.nothing().isEmpty()).isFalse();
    assertThat(LabelSelector.nothing().matchesNothing()).isTrue();
    assertThat(LabelSelector.nothing().add(Requirement.of("a", Operator.EXISTS, List.of())).matchesNothing()).isTrue();
    assertThat(LabelSelector.nothing()).hasToString("");
  }

  record Exact(String name, String selector, String label, Optional<String> value) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Exact> exactMatches() {
    return Stream.of(
        new Exact("equals", "x=a", "x", Optional.of("a")),
        new Exact("double equals", "x==a", "x", Optional.of("a")),
        new Exact("one-value in", "x in (a)", "x", Optional.of("a")),
        new Exact("two-value in", "x in (a,b)", "x", Optional.empty()),
        new Exact("not equals", "x!=a", "x", Optional.empty()),
        new Exact("exists", "x", "x", Optional.empty()),
        new Exact("other key", "y=a", "x", Optional.empty()),
        new Exact("among others", "a=1,x=b,z", "x", Optional.of("b")),
        new Exact("empty", "", "x", Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exactMatches")
  void reportsTheValueALabelMustEqual(Exact c) {
    assertThat(LabelSelector.parse(c.selector()).requiresExactMatch(c.label())).isEqualTo(c.value());
  }

  record Converted(String name, io.fabric8.kubernetes.api.model.LabelSelector selector, String canonical) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static LabelSelectorRequirement expr(String key, String op, String... values) {
    return new LabelSelectorRequirement(key, op, List.of(values));
  }

  static Stream<Converted> conversions() {
    return Stream.of(
        new Converted("match labels sorted by key",
            new LabelSelectorBuilder().addToMatchLabels("b", "2").addToMatchLabels("a", "1").build(), "a=1,b=2"),
        new Converted("all four expression operators",
            new LabelSelectorBuilder().withMatchExpressions(
                expr("env", "In", "prod", "dev"), expr("tier", "NotIn", "cache"),
                expr("app", "Exists"), expr("canary", "DoesNotExist")).build(),
            "app,!canary,env in (dev,prod),tier notin (cache)"),
        new Converted("labels and expressions together",
            new LabelSelectorBuilder().addToMatchLabels("app", "web")
                .withMatchExpressions(expr("app", "In", "web", "api")).build(),
            "app=web,app in (api,web)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conversions")
  void convertsSpecSelectorAsLabelSelectorAsSelector(Converted c) {
    assertThat(LabelSelector.fromLabelSelector(c.selector())).hasToString(c.canonical());
  }

  @Test
  void convertsNullSpecSelectorToNothingAndEmptyToEverything() {
    assertThat(LabelSelector.fromLabelSelector(null)).isSameAs(LabelSelector.nothing());
    assertThat(LabelSelector.fromLabelSelector(new LabelSelectorBuilder().build())).isSameAs(LabelSelector.everything());
  }

  @Test
  void convertedSelectorMatchesLikeTheParsedOne() {
    LabelSelector s = LabelSelector.fromLabelSelector(new LabelSelectorBuilder().addToMatchLabels("app", "web")
        .withMatchExpressions(expr("track", "NotIn", "canary")).build());
    assertThat(s.matches(Map.of("app", "web"))).isTrue();
    assertThat(s.matches(Map.of("app", "web", "track", "canary"))).isFalse();
  }

  record Rejected(String name, io.fabric8.kubernetes.api.model.LabelSelector selector, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Rejected> rejectedConversions() {
    return Stream.of(
        new Rejected("unknown operator",
            new LabelSelectorBuilder().withMatchExpressions(expr("a", "Gt", "1")).build(),
            "\"Gt\" is not a valid label selector operator"),
        new Rejected("in without values",
            new LabelSelectorBuilder().withMatchExpressions(expr("a", "In")).build(),
            "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"),
        new Rejected("exists with values",
            new LabelSelectorBuilder().withMatchExpressions(expr("a", "Exists", "x", "y")).build(),
            "values: Invalid value: []string{\"x\", \"y\"}: values set must be empty for exists and does not exist"),
        new Rejected("bad match label value",
            new LabelSelectorBuilder().addToMatchLabels("a", "b c").build(),
            "values[0][a]: Invalid value: \"b c\": " + LABEL_VALUE_RULE),
        new Rejected("bad key",
            new LabelSelectorBuilder().withMatchExpressions(expr("/a", "Exists")).build(),
            "key: Invalid value: \"/a\": prefix part must be non-empty"),
        new Rejected("every failure of one requirement, bracketed",
            new LabelSelectorBuilder().withMatchExpressions(expr("/a", "NotIn")).build(),
            "[key: Invalid value: \"/a\": prefix part must be non-empty, values: Invalid value: []string(nil): "
                + "for 'in', 'notin' operators, values set can't be empty]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedConversions")
  void rejectsInvalidSpecSelectorWithKubernetesMessage(Rejected c) {
    assertThatThrownBy(() -> LabelSelector.fromLabelSelector(c.selector()))
        .isInstanceOf(StatusException.class)
        .hasMessage(c.message());
  }

  @Test
  void checksRequirementsBuiltInCode() {
    assertThatThrownBy(() -> Requirement.of("x", Operator.EQUALS, List.of("a", "b")))
        .hasMessage("values: Invalid value: []string{\"a\", \"b\"}: exact-match compatibility requires one single value");
    assertThatThrownBy(() -> Requirement.of("x", Operator.GREATER_THAN, List.of()))
        .hasMessage("values: Invalid value: []string(nil): for 'Gt', 'Lt' operators, exactly one value is required");
    assertThatThrownBy(() -> Requirement.of("x", Operator.LESS_THAN, List.of("bar")))
        .hasMessage("values[0]: Invalid value: \"bar\": for 'Gt', 'Lt' operators, the value must be an integer");
    assertThatThrownBy(() -> Requirement.of("x", Operator.EQUALS, List.of("a".repeat(64) + "-")))
        .hasMessage("values[0][x]: Invalid value: \"" + "a".repeat(64) + "-\": must be no more than 63 characters; "
            + LABEL_VALUE_RULE);
  }

  @Test
  void printsRequirementsCanonically() {
    assertThat(Requirement.of("x", Operator.NOT_IN, List.of("c", "a", "b"))).hasToString("x notin (a,b,c)");
    assertThat(Requirement.of("x", Operator.DOES_NOT_EXIST, List.of())).hasToString("!x");
    assertThat(Requirement.of("x", Operator.GREATER_THAN, List.of("3"))).hasToString("x>3");
  }

  @Test
  void addsRequirementsInKeyOrder() {
    LabelSelector s = LabelSelector.parse("m=1").add(Requirement.of("a", Operator.EXISTS, List.of()),
        Requirement.of("z", Operator.NOT_EQUALS, List.of("2")));
    assertThat(s).hasToString("a,m=1,z!=2");
  }

  @Test
  void buildsSelectorFromSet() {
    assertThat(LabelSelector.fromSet(Map.of("b", "2", "a", "1"))).hasToString("a=1,b=2");
    assertThat(LabelSelector.fromSet(Map.of()).isEmpty()).isTrue();
    assertThat(LabelSelector.fromSet(null).isEmpty()).isTrue();
    assertThatThrownBy(() -> LabelSelector.validatedFromSet(Map.of("a", "-")))
        .hasMessage("values[0][a]: Invalid value: \"-\": " + LABEL_VALUE_RULE);
  }
}
