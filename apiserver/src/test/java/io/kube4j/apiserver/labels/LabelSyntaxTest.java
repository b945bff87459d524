package io.kube4j.apiserver.labels;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube4j.apiserver.api.FieldError;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class LabelSyntaxTest {

  private static final String NAME_RULE = "must consist of alphanumeric characters, '-', '_' or '.', and must "
      + "start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used "
      + "for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  private static final String SUBDOMAIN_RULE = "a lowercase RFC 1123 subdomain must consist of lower case "
      + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. "
      + "'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

  record Case(String name, String value, List<String> errors) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> qualifiedNames() {
    return Stream.of(
        new Case("simple", "app", List.of()),
        new Case("prefixed", "kubernetes.io/hostname", List.of()),
        new Case("upper case and underscores in the name", "Foo_Bar.baz-1", List.of()),
        new Case("63 characters", "a".repeat(63), List.of()),
        new Case("64 characters", "a".repeat(64), List.of("name part must be no more than 63 characters")),
        new Case("empty", "", List.of("name part must be non-empty", "name part " + NAME_RULE)),
        new Case("bad first character", "-a", List.of("name part " + NAME_RULE)),
        new Case("empty prefix", "/a", List.of("prefix part must be non-empty")),
        new Case("upper case prefix", "Example.com/a", List.of("prefix part " + SUBDOMAIN_RULE)),
        new Case("254 character prefix", "a".repeat(254) + "/b",
            List.of("prefix part must be no more than 253 characters")),
        new Case("two slashes", "a/b/c", List.of("a qualified name " + NAME_RULE
            + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')")),
        new Case("length counted in bytes", "\u00e9".repeat(32), List.of(
            "name part must be no more than 63 characters", "name part " + NAME_RULE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("qualifiedNames")
  void checksQualifiedNamesAsKubernetes(Case c) {
    assertThat(LabelSyntax.isQualifiedName(c.value())).isEqualTo(c.errors());
  }

  static Stream<Case> labelValues() {
    String rule = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
        + "and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', "
        + "regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
    return Stream.of(
        new Case("empty", "", List.of()),
        new Case("ordinary", "v1.2_beta-3", List.of()),
        new Case("63 characters", "a".repeat(63), List.of()),
        new Case("64 characters", "a".repeat(64), List.of("must be no more than 63 characters")),
        new Case("slash", "a/b", List.of(rule)),
        new Case("trailing newline is not allowed", "a\n", List.of(rule)),
        new Case("too long and bad end", "a".repeat(64) + ".", List.of("must be no more than 63 characters", rule)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labelValues")
  void checksLabelValuesAsKubernetes(Case c) {
    assertThat(LabelSyntax.isValidLabelValue(c.value())).isEqualTo(c.errors());
  }

  @Test
  void reportsEveryBadLabelOfAnObjectAtItsPath() {
    TreeMap<String, String> labels = new TreeMap<>();
    labels.put("good", "ok");
    labels.put("bad key!", "-bad");
    List<String> messages = LabelSyntax.validateLabels(labels, "metadata.labels").stream()
        .map(FieldError::message).toList();
    assertThat(messages).containsExactly(
        "metadata.labels: Invalid value: \"bad key!\": name part " + NAME_RULE,
        "metadata.labels: Invalid value: \"-bad\": a valid label must be an empty string or consist of "
            + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
            + "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
            + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
  }
}
