package io.kube4j.apiserver.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube4j.apiserver.api.Reason;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.fields.Requirement.Operator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FieldSelectorTest {

  /** What kubectl describe node sends to list the node's non-terminated pods. */
  private static final String DESCRIBE_NODE = "spec.nodeName=node1,status.phase!=Succeeded,status.phase!=Failed";

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
        new Valid("not equals", "x!=a,y=b", "x!=a,y=b"),
        new Valid("double equals is equals", "x==a", "x=a"),
        new Valid("terms sorted as strings", "z=1,a=2", "a=2,z=1"),
        new Valid("empty terms skipped", ",a=b,", "a=b"),
        new Valid("empty value", "spec.nodeName=", "spec.nodeName="),
        new Valid("escaped equals in value", "x=a\\=\\=b", "x=a\\=\\=b"),
        new Valid("pipes and escaped equals", "x=a||y\\=b", "x=a||y\\=b"),
        new Valid("escaped comma does not split", "k=\\,,k2=v2", "k2=v2,k=\\,"),
        new Valid("escaped backslash before a real comma", "k=\\\\,k2=v2", "k2=v2,k=\\\\"),
        new Valid("blanks belong to names and values", "a = b", "a = b"),
        new Valid("multi-byte names", "\ud568=\uc218,\ubaa9=\ub85d", "\ubaa9=\ub85d,\ud568=\uc218"),
        new Valid("kubectl describe node", DESCRIBE_NODE,
            "spec.nodeName=node1,status.phase!=Failed,status.phase!=Succeeded"),
        new Valid("kubectl describe pod events",
            "involvedObject.name=p1,involvedObject.namespace=default,involvedObject.uid=1-2",
            "involvedObject.name=p1,involvedObject.namespace=default,involvedObject.uid=1-2"),
        new Valid("empty namespace value", "involvedObject.namespace=,involvedObject.kind=Node",
            "involvedObject.kind=Node,involvedObject.namespace="));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validSelectors")
  void parsesValidSelectorToItsCanonicalForm(Valid c) {
    FieldSelector parsed = FieldSelector.parse(c.selector());
    assertThat(parsed).hasToString(c.canonical());
    assertThat(FieldSelector.parse(parsed.toString())).isEqualTo(parsed);
  }

  @Test
  void keepsValuesUnescapedAndBlanksVerbatim() {
    assertThat(FieldSelector.parse("k=\\,\\=\\\\").requirements())
        .containsExactly(new Requirement("k", Operator.EQUALS, ",=\\"));
    assertThat(FieldSelector.parse("a = b").requirements())
        .containsExactly(new Requirement("a ", Operator.EQUALS, " b"));
  }

  record Invalid(String name, String selector, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Invalid> invalidSelectors() {
    return Stream.of(
        new Invalid("no operator", "x", "invalid selector: 'x'; can't understand 'x'"),
        new Invalid("second term without operator", "x=a,b", "invalid selector: 'x=a,b'; can't understand 'b'"),
        new Invalid("first bad term in sorted order", "d,c=1,b", "invalid selector: 'd,c=1,b'; can't understand 'b'"),
        new Invalid("label selector syntax", "x in (a)", "invalid selector: 'x in (a)'; can't understand 'x in (a)'"),
        new Invalid("unescaped equals in value", "x=a||y=b", "invalid field selector: unescaped character in value: 61"),
        new Invalid("operator twice", "x==a==b", "invalid field selector: unescaped character in value: 61"),
        new Invalid("unknown escape", "k=\\a", "invalid field selector: invalid escape sequence: \\a"),
        new Invalid("trailing backslash", "k=\\", "invalid field selector: invalid escape sequence: \\"),
        new Invalid("escaped backslash then trailing backslash", "k=\\\\\\",
            "invalid field selector: invalid escape sequence: \\"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSelectors")
  void rejectsInvalidSelectorWithKubernetesMessage(Invalid c) {
    assertThatThrownBy(() -> FieldSelector.parse(c.selector()))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST))
        .hasMessage(c.message());
  }

  record Match(String name, String selector, Map<String, String> fields, boolean matches) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Match> matching() {
    return Stream.of(
        new Match("running pod on the node", DESCRIBE_NODE,
            Map.of("spec.nodeName", "node1", "status.phase", "Running"), true),
        new Match("succeeded pod on the node", DESCRIBE_NODE,
            Map.of("spec.nodeName", "node1", "status.phase", "Succeeded"), false),
        new Match("failed pod on the node", DESCRIBE_NODE,
            Map.of("spec.nodeName", "node1", "status.phase", "Failed"), false),
        new Match("running pod elsewhere", DESCRIBE_NODE,
            Map.of("spec.nodeName", "node2", "status.phase", "Running"), false),
        new Match("everything", "", Map.of("metadata.name", "p1"), true),
        new Match("name", "metadata.name=p1", Map.of("metadata.name", "p1"), true),
        new Match("other name", "metadata.name=p1", Map.of("metadata.name", "p2"), false),
        new Match("missing field reads as empty", "spec.nodeName=", Map.of("metadata.name", "p1"), true),
        new Match("missing field is not unequal to empty", "spec.nodeName!=", Map.of(), false),
        new Match("missing field differs from a value", "spec.nodeName!=node1", Map.of(), true),
        new Match("escaped comma value", "k=a\\,b", Map.of("k", "a,b"), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matching")
  void matchesSelectableFieldsAsKubernetesDoes(Match c) {
    assertThat(FieldSelector.parse(c.selector()).matches(c.fields())).isEqualTo(c.matches());
  }

  @Test
  void reportsTheValueAFieldMustEqual() {
    FieldSelector s = FieldSelector.parse("metadata.name==p1,status.phase!=Failed");
    assertThat(s.requiresExactMatch("metadata.name")).contains("p1");
    assertThat(s.requiresExactMatch("status.phase")).isEmpty();
    assertThat(s.requiresExactMatch("spec.nodeName")).isEmpty();
    assertThat(FieldSelector.everything().requiresExactMatch("metadata.name")).isEmpty();
  }

  @Test
  void everythingIsEmptyAndMatchesAll() {
    assertThat(FieldSelector.parse("").isEmpty()).isTrue();
    assertThat(FieldSelector.parse(",").isEmpty()).isTrue();
    assertThat(FieldSelector.everything().matches(null)).isTrue();
    assertThat(FieldSelector.parse("a=b").isEmpty()).isFalse();
  }

  @Test
  void combinesSelectors() {
    FieldSelector s = FieldSelector.and(FieldSelector.parse("status.phase!=Failed"),
        FieldSelector.oneTermEqual("metadata.name", "p1"));
    assertThat(s).hasToString("status.phase!=Failed,metadata.name=p1");
    assertThat(FieldSelector.fromSet(Map.of("b", "x,y", "a", "1"))).hasToString("a=1,b=x\\,y");
  }

  record Escape(String name, String literal, String escaped) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Escape> escapes() {
    return Stream.of(
        new Escape("empty", "", ""),
        new Escape("plain", "a", "a"),
        new Escape("equals", "=", "\\="),
        new Escape("comma", ",", "\\,"),
        new Escape("backslash", "\\", "\\\\"),
        new Escape("all three", "\\=\\,\\", "\\\\\\=\\\\\\,\\\\"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("escapes")
  void escapesValuesReversibly(Escape c) {
    assertThat(FieldSelector.escapeValue(c.literal())).isEqualTo(c.escaped());
    assertThat(FieldSelector.unescapeValue(c.escaped())).isEqualTo(c.literal());
  }

  /** Pod's conversion from pkg/apis/core/v1/conversion.go, with the legacy spec.host alias. */
  private static final FieldLabelConversion POD = FieldLabelConversion.supporting(Map.of(
      "metadata.name", "metadata.name",
      "metadata.namespace", "metadata.namespace",
      "spec.nodeName", "spec.nodeName",
      "status.phase", "status.phase",
      "spec.host", "spec.nodeName"));

  @Test
  void acceptsFieldsTheKindSupports() {
    assertThat(FieldSelector.parse(DESCRIBE_NODE).transform(POD)).isEqualTo(FieldSelector.parse(DESCRIBE_NODE));
  }

  @Test
  void renamesAliasedFieldsToTheirCanonicalName() {
    assertThat(FieldSelector.parse("spec.host=node1").transform(POD)).hasToString("spec.nodeName=node1");
  }

  @Test
  void rejectsFieldTheKindDoesNotSupport() {
    assertThatThrownBy(() -> FieldSelector.parse("metadata.name=p1,spec.foo=x").transform(POD))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(400))
        .hasMessage("field label not supported: spec.foo");
    assertThatThrownBy(() -> FieldSelector.parse("metadata.namespace=default")
        .transform(FieldLabelConversion.supporting(List.of("metadata.name", "spec.unschedulable"))))
        .hasMessage("field label not supported: metadata.namespace");
  }

  @Test
  void acceptsOnlyNameAndNamespaceForKindsWithoutConversion() {
    FieldLabelConversion configMaps = FieldLabelConversion.metadataOnly();
    assertThat(FieldSelector.parse("metadata.namespace=default,metadata.name=a").transform(configMaps).requirements())
        .hasSize(2);
    assertThatThrownBy(() -> FieldSelector.parse("data.x=1").transform(configMaps))
        .isInstanceOf(StatusException.class)
        .hasMessage("\"data.x\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
  }

  @Test
  void dropsTermsTheConversionEmpties() {
    FieldSelector s = FieldSelector.parse("gone=,kept=1").transform(label -> label.equals("gone") ? "" : label);
    assertThat(s.requirements()).containsExactly(new Requirement("kept", Operator.EQUALS, "1"));
    assertThat(s.requiresExactMatch("kept")).isEqualTo(Optional.of("1"));
  }
}
