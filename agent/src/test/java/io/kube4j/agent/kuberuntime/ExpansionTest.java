package io.kube4j.agent.kuberuntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases from kubernetes' third_party/forked/golang/expansion/expand_test.go. */
class ExpansionTest {

  record Case(String name, String input, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final Map<String, String> VARS = Map.of("VAR_A", "A", "VAR_B", "B", "VAR_C", "C", "VAR_REF", "$(VAR_A)",
      "VAR_EMPTY", "");

  static Stream<Case> cases() {
    return Stream.of(
        new Case("whole string", "$(VAR_A)", "A"),
        new Case("repeat", "$(VAR_A)-$(VAR_A)", "A-A"),
        new Case("beginning", "$(VAR_A)-1", "A-1"),
        new Case("middle", "___$(VAR_B)___", "___B___"),
        new Case("end", "___$(VAR_C)", "___C"),
        new Case("compound", "$(VAR_A)_$(VAR_B)_$(VAR_C)", "A_B_C"),
        new Case("escaped operator", "$$(VAR_B)_$(VAR_A)", "$(VAR_B)_A"),
        new Case("escaped operator twice", "$$$$", "$$"),
        new Case("values are not expanded again", "$(VAR_REF)", "$(VAR_A)"),
        new Case("undefined stays as written", "$(VAR_DNE)", "$(VAR_DNE)"),
        new Case("empty value", "x$(VAR_EMPTY)y", "xy"),
        new Case("incomplete reference", "$(VAR_A", "$(VAR_A"),
        new Case("operator not starting a reference", "$VAR_A", "$VAR_A"),
        new Case("trailing operator", "foo$", "foo$"),
        new Case("empty name", "$()", "$()"),
        new Case("no references", "hello world", "hello world"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void expandsAsKubernetesDoes(Case c) {
    assertThat(Expansion.expand(c.input(), Expansion.mappingFor(VARS))).isEqualTo(c.expected());
  }
}
