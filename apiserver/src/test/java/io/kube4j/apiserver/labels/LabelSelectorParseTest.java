package io.kube4j.apiserver.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube4j.apiserver.api.Reason;
import io.kube4j.apiserver.api.StatusException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorParseTest {

  record Valid(String name, String selector, String canonical) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Valid> validSelectors() {
    return Stream.of(
        new Valid("empty selects everything", "", ""),
        new Valid("equality", "x=a,y=b,z=c", "x=a,y=b,z=c"),
        new Valid("double equals kept", "x==a", "x==a"),
        new Valid("not equals", "x!=a,y=b", "x!=a,y=b"),
        new Valid("empty value", "x=", "x="),
        new Valid("empty values before commas", "x= ,z= ", "x=,z="),
        new Valid("blanks around tokens", " x = a , y != b ", "x=a,y!=b"),
        new Valid("tabs and newlines are blanks", "a\tin\t(b)\n", "a in (b)"),
        new Valid("exists and does not exist", "x,!y", "x,!y"),
        new Valid("numeric comparisons", "x>1,z<5", "x>1,z<5"),
        new Valid("requirements sorted by key", "z=1,a=2,m", "a=2,m,z=1"),
        new Valid("set values sorted and deduplicated", "x in (b,a,b)", "x in (a,b)"),
        new Valid("notin", "env notin (prod)", "env notin (prod)"),
        new Valid("in and notin are values inside parentheses", "x in (in),notin=in", "notin=in,x in (in)"),
        new Valid("empty parentheses hold the empty value", "x in ()", "x in ()"),
        new Valid("leading comma adds the empty value", "x in (,a)", "x in (,a)"),
        new Valid("trailing comma adds the empty value", "x in (a,)", "x in (,a)"),
        new Valid("double comma between values", "x in (a,,b)", "x in (,a,b)"),
        new Valid("prefixed key", "example.com/a=b", "example.com/a=b"),
        new Valid("every allowed character", "a.b-c_d=E.f-g_1", "a.b-c_d=E.f-g_1"),
        new Valid("mixed forms", "x=a,y in (b,c),!z,w notin (d)", "w notin (d),x=a,y in (b,c),!z"),
        new Valid("a NUL where a token starts ends the selector", "x=a \0junk", "x=a"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validSelectors")
  void parsesValidSelectorToItsCanonicalForm(Valid c) {
    assertThat(LabelSelector.parse(c.selector()).toString()).isEqualTo(c.canonical());
  }

  @Test
  void parsesToTheSameSelectorWhateverTheRequirementOrder() {
    assertThat(LabelSelector.parse("x=a,a=x")).isEqualTo(LabelSelector.parse("a=x,x=a"));
  }

  @Test
  void parsesEachFormToItsOperator() {
    List<Requirement> reqs = LabelSelector.parse("a=1,b==2,c!=3,d in (4),e notin (5),f,!g,h>6,i<7").requirements();
    assertThat(reqs).extracting(Requirement::operator).containsExactly(
        Operator.EQUALS, Operator.DOUBLE_EQUALS, Operator.NOT_EQUALS, Operator.IN, Operator.NOT_IN,
        Operator.EXISTS, Operator.DOES_NOT_EXIST, Operator.GREATER_THAN, Operator.LESS_THAN);
    assertThat(reqs.get(5).values()).isEmpty();
  }

  @Test
  void parsesTheEmptyStringAsEverything() {
    LabelSelector s = LabelSelector.parse("");
    assertThat(s.isEmpty()).isTrue();
    assertThat(s).isEqualTo(LabelSelector.everything());
  }

  record Invalid(String selector, String message) {
    @Override
    public String toString() {
      return selector;
    }
  }

  /**
   * Every message in the golden file was printed by the real v1.32 parser (see the file's header), so
   * these cases check kube4j's words against Kubernetes', not against a copy of them.
   */
  static Stream<Invalid> invalidSelectorsRecordedFromKubernetes() throws IOException {
    String resource = "parse-errors-kubectl-v1.32.tsv";
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(LabelSelectorParseTest.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
      List<Invalid> cases = in.lines()
          .filter(line -> !line.startsWith("#"))
          .map(line -> line.split("\t", 2))
          .map(f -> new Invalid(f[0], f[1]))
          .toList();
      assertThat(cases).hasSizeGreaterThan(40);
      return cases.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSelectorsRecordedFromKubernetes")
  void rejectsInvalidSelectorWithKubernetesMessage(Invalid c) {
    assertThatThrownBy(() -> LabelSelector.parse(c.selector()))
        .isInstanceOfSatisfying(StatusException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
          assertThat(e.code()).isEqualTo(400);
        })
        .hasMessage(c.message());
  }
}
