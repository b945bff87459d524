package io.kube4j.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValidationTest {

  private static final String SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case "
      + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. "
      + "'example.com', regex used for validation is "
      + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  private static final String LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric "
      + "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or "
      + "'123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  private static final String DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric "
      + "characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. "
      + "'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
  private static final String QNAME_PART = "name part must consist of alphanumeric characters, '-', '_' or "
      + "'.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or "
      + "'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

  record Case(String name, Function<String, List<String>> check, String value, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("subdomain accepts dotted lower case", Validation::isDNS1123Subdomain, "example.com", List.of()),
        new Case("subdomain rejects underscore and capitals", Validation::isDNS1123Subdomain, "Bad_Name",
            List.of(SUBDOMAIN_MSG)),
        new Case("subdomain rejects 254 characters", Validation::isDNS1123Subdomain, "a".repeat(254),
            List.of("must be no more than 253 characters")),
        new Case("label says dots when the value is a subdomain", Validation::isDNS1123Label, "a.b",
            List.of("must not contain dots")),
        new Case("label rejects a trailing dash", Validation::isDNS1123Label, "web-", List.of(LABEL_MSG)),
        new Case("label rejects 64 characters", Validation::isDNS1123Label, "a".repeat(64),
            List.of("must be no more than 63 characters")),
        new Case("DNS-1035 label rejects a leading digit", Validation::isDNS1035Label, "1web", List.of(DNS1035_MSG)),
        new Case("qualified name accepts a prefix", Validation::isQualifiedName, "example.com/MyName", List.of()),
        new Case("qualified name rejects an empty prefix", Validation::isQualifiedName, "/a",
            List.of("prefix part must be non-empty")),
        new Case("qualified name rejects a space", Validation::isQualifiedName, "bad key", List.of(QNAME_PART)),
        new Case("qualified name rejects two slashes", Validation::isQualifiedName, "a/b/c",
            List.of("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start "
                + "and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex "
                + "used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS "
                + "subdomain prefix and '/' (e.g. 'example.com/MyName')")),
        new Case("label value may be empty", Validation::isValidLabelValue, "", List.of()),
        new Case("label value rejects a trailing dash", Validation::isValidLabelValue, "a-",
            List.of("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
                + "'.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value', "
                + " or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")),
        new Case("config map key rejects a slash", Validation::isConfigMapKey, "a/b",
            List.of("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. "
                + "'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')")),
        new Case("config map key rejects '..'", Validation::isConfigMapKey, "..", List.of("must not be '..'")),
        new Case("relaxed env var name accepts a leading digit", Validation::isRelaxedEnvVarName, "1ABC", List.of()),
        new Case("relaxed env var name rejects '='", Validation::isRelaxedEnvVarName, "A=B",
            List.of("a valid environment variable name must consist only of printable ASCII characters other "
                + "than '='")),
        new Case("strict env var name rejects a leading digit", Validation::isEnvVarName, "1ABC",
            List.of("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', "
                + "or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or "
                + "'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')")),
        new Case("port name needs a letter and no double hyphen", Validation::isValidPortName, "8--0",
            List.of("must contain at least one letter (a-z)", "must not contain consecutive hyphens")),
        new Case("percent needs a trailing %", Validation::isValidPercent, "25",
            List.of("a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or "
                + "'93%', regex used for validation is '[0-9]+%')")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsUpstreamMessages(Case c) {
    assertThat(c.check().apply(c.value())).isEqualTo(c.expected());
  }

  @ParameterizedTest(name = "\"{0}\" is an IP: {1}")
  @MethodSource("ips")
  void parsesIpLiteralsWithoutDns(String ip, boolean valid) {
    assertThat(IpAddresses.isIP(ip)).isEqualTo(valid);
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> ips() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("10.0.0.1", true),
        org.junit.jupiter.params.provider.Arguments.of("010.000.000.001", true),
        org.junit.jupiter.params.provider.Arguments.of("256.0.0.1", false),
        org.junit.jupiter.params.provider.Arguments.of("::1", true),
        org.junit.jupiter.params.provider.Arguments.of("2001:db8::ffff", true),
        org.junit.jupiter.params.provider.Arguments.of("::ffff:10.0.0.1", true),
        org.junit.jupiter.params.provider.Arguments.of("1:2:3:4:5:6:7:8", true),
        org.junit.jupiter.params.provider.Arguments.of("1:2:3:4:5:6:7:8:9", false),
        org.junit.jupiter.params.provider.Arguments.of("1::2::3", false),
        org.junit.jupiter.params.provider.Arguments.of(":1:2", false),
        org.junit.jupiter.params.provider.Arguments.of("localhost", false),
        org.junit.jupiter.params.provider.Arguments.of("", false));
  }

  @org.junit.jupiter.api.Test
  void portNumberOutsideRangeIsReportedAsInclusiveRange() {
    assertThat(Validation.isValidPortNum(70000)).containsExactly("must be between 1 and 65535, inclusive");
  }

  @org.junit.jupiter.api.Test
  void cidrNeedsPrefixLengthWithinFamily() {
    assertThat(IpAddresses.isCIDR("10.0.0.0/24")).isTrue();
    assertThat(IpAddresses.isCIDR("10.0.0.0/33")).isFalse();
    assertThat(IpAddresses.isCIDR("2001:db8::/64")).isTrue();
    assertThat(Validation.isValidCIDR(Path.root("spec", "podCIDRs").index(0), "x").get(0).message())
        .isEqualTo("spec.podCIDRs[0]: Invalid value: \"x\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or "
            + "2001:db8::/64)");
  }
}
