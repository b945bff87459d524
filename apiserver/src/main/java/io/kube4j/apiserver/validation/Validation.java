package io.kube4j.apiserver.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * String formats of the Kubernetes API, each returning the list of reasons a value is bad (empty when it is
 * good), with upstream's exact words: e.g. {@code a lowercase RFC 1123 label must consist of ...}.
 *
 * <p>Mirrors {@code k8s.io/apimachinery/pkg/util/validation/validation.go} as of v1.32; lengths are
 * counted in UTF-8 bytes, as Go's {@code len} does.
 */
public final class Validation {

  public static final int DNS1123_LABEL_MAX_LENGTH = 63;
  public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
  public static final int DNS1035_LABEL_MAX_LENGTH = 63;
  public static final int LABEL_VALUE_MAX_LENGTH = 63;
  private static final int QUALIFIED_NAME_MAX_LENGTH = 63;

  private static final String QNAME_CHAR = "[A-Za-z0-9]";
  private static final String QNAME_EXT_CHAR = "[-A-Za-z0-9_.]";
  private static final String QUALIFIED_NAME_FMT = "(" + QNAME_CHAR + QNAME_EXT_CHAR + "*)?" + QNAME_CHAR;
  private static final String QUALIFIED_NAME_ERR = "must consist of alphanumeric characters, '-', '_' or "
      + "'.', and must start and end with an alphanumeric character";
  private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);

  private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  private static final String LABEL_VALUE_ERR = "a valid label must be an empty string or consist of "
      + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);

  private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1123_LABEL_ERR = "a lowercase RFC 1123 label must consist of lower case "
      + "alphanumeric characters or '-', and must start and end with an alphanumeric character";
  private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);

  private static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  private static final String DNS1123_SUBDOMAIN_ERR = "a lowercase RFC 1123 subdomain must consist of lower "
      + "case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);

  private static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1035_LABEL_ERR = "a DNS-1035 label must consist of lower case alphanumeric "
      + "characters or '-', start with an alphabetic character, and end with an alphanumeric character";
  private static final Pattern DNS1035_LABEL = Pattern.compile(DNS1035_LABEL_FMT);

  private static final String C_IDENTIFIER_FMT = "[A-Za-z_][A-Za-z0-9_]*";
  private static final String C_IDENTIFIER_ERR = "a valid C identifier must start with alphabetic character "
      + "or '_', followed by a string of alphanumeric characters or '_'";
  private static final Pattern C_IDENTIFIER = Pattern.compile(C_IDENTIFIER_FMT);

  private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");
  private static final Pattern PORT_NAME_ONE_LETTER = Pattern.compile(".*[a-z].*", Pattern.DOTALL);

  private static final String PERCENT_FMT = "[0-9]+%";
  private static final String PERCENT_ERR = "a valid percent string must be a numeric string followed by an "
      + "ending '%'";
  private static final Pattern PERCENT = Pattern.compile(PERCENT_FMT);

  private static final String HTTP_HEADER_NAME_FMT = "[-A-Za-z0-9]+";
  private static final String HTTP_HEADER_NAME_ERR = "a valid HTTP header must consist of alphanumeric "
      + "characters or '-'";
  private static final Pattern HTTP_HEADER_NAME = Pattern.compile(HTTP_HEADER_NAME_FMT);

  private static final String ENV_VAR_NAME_FMT = "[-._a-zA-Z][-._a-zA-Z0-9]*";
  private static final String ENV_VAR_NAME_ERR = "a valid environment variable name must consist of "
      + "alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";
  private static final Pattern ENV_VAR_NAME = Pattern.compile(ENV_VAR_NAME_FMT);
  private static final String RELAXED_ENV_VAR_NAME_ERR = "a valid environment variable name must consist "
      + "only of printable ASCII characters other than '='";

  private static final String CONFIG_MAP_KEY_FMT = "[-._a-zA-Z0-9]+";
  private static final String CONFIG_MAP_KEY_ERR = "a valid config key must consist of alphanumeric "
      + "characters, '-', '_' or '.'";
  private static final Pattern CONFIG_MAP_KEY = Pattern.compile(CONFIG_MAP_KEY_FMT);

  private static final String HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
  private static final Pattern HTTP_PATH = Pattern.compile(HTTP_PATH_FMT);

  private Validation() {}

  /** A label key, annotation key or finalizer: an optional DNS subdomain prefix and a name part. */
  public static List<String> isQualifiedName(String value) {
    List<String> errs = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    switch (parts.length) {
      case 1 -> name = parts[0];
      case 2 -> {
        String prefix = parts[0];
        name = parts[1];
        if (prefix.isEmpty()) {
          errs.add("prefix part " + emptyError());
        } else {
          for (String msg : isDNS1123Subdomain(prefix)) {
            errs.add("prefix part " + msg);
          }
        }
      }
      default -> {
        errs.add("a qualified name " + regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, "MyName", "my.name",
            "123-abc") + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        return errs;
      }
    }
    if (name.isEmpty()) {
      errs.add("name part " + emptyError());
    } else if (len(name) > QUALIFIED_NAME_MAX_LENGTH) {
      errs.add("name part " + maxLenError(QUALIFIED_NAME_MAX_LENGTH));
    }
    if (!QUALIFIED_NAME.matcher(name).matches()) {
      errs.add("name part " + regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, "MyName", "my.name",
          "123-abc"));
    }
    return errs;
  }

  public static List<String> isValidLabelValue(String value) {
    List<String> errs = new ArrayList<>();
    if (len(value) > LABEL_VALUE_MAX_LENGTH) {
      errs.add(maxLenError(LABEL_VALUE_MAX_LENGTH));
    }
    if (!LABEL_VALUE.matcher(value).matches()) {
      errs.add(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errs;
  }

  /** A DNS (RFC 1123) label: namespaces, container names, ports' names in services. */
  public static List<String> isDNS1123Label(String value) {
    List<String> errs = new ArrayList<>();
    if (len(value) > DNS1123_LABEL_MAX_LENGTH) {
      errs.add(maxLenError(DNS1123_LABEL_MAX_LENGTH));
    }
    if (!DNS1123_LABEL.matcher(value).matches()) {
      if (DNS1123_SUBDOMAIN.matcher(value).matches()) {
        // a valid subdomain that is not a label: the length was checked above, so it must be the dots
        errs.add("must not contain dots");
      } else {
        errs.add(regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, "my-name", "123-abc"));
      }
    }
    return errs;
  }

  /** A DNS (RFC 1123) subdomain: the name rule of most resources. */
  public static List<String> isDNS1123Subdomain(String value) {
    List<String> errs = new ArrayList<>();
    if (len(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
      errs.add(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return errs;
  }

  /** A DNS (RFC 1035) label: service names, which become DNS names and must start with a letter. */
  public static List<String> isDNS1035Label(String value) {
    List<String> errs = new ArrayList<>();
    if (len(value) > DNS1035_LABEL_MAX_LENGTH) {
      errs.add(maxLenError(DNS1035_LABEL_MAX_LENGTH));
    }
    if (!DNS1035_LABEL.matcher(value).matches()) {
      errs.add(regexError(DNS1035_LABEL_ERR, DNS1035_LABEL_FMT, "my-name", "abc-123"));
    }
    return errs;
  }

  /** An identifier in C (format only, not length). */
  public static List<String> isCIdentifier(String value) {
    if (!C_IDENTIFIER.matcher(value).matches()) {
      return List.of(regexError(C_IDENTIFIER_ERR, C_IDENTIFIER_FMT, "my_name", "MY_NAME", "MyName"));
    }
    return List.of();
  }

  /** A non-zero port number. */
  public static List<String> isValidPortNum(int port) {
    return isInRange(port, 1, 65535);
  }

  public static List<String> isInRange(long value, long min, long max) {
    if (value >= min && value <= max) {
      return List.of();
    }
    return List.of(inclusiveRangeError(min, max));
  }

  public static List<String> isValidGroupID(long gid) {
    return isInRange(gid, 0, 0xffffffffL);
  }

  public static List<String> isValidUserID(long uid) {
    return isInRange(uid, 0, 0xffffffffL);
  }

  /** An IANA service name: at most 15 of {@code [-a-z0-9]}, with a letter, no {@code --}, no edge hyphen. */
  public static List<String> isValidPortName(String port) {
    List<String> errs = new ArrayList<>();
    if (len(port) > 15) {
      errs.add(maxLenError(15));
    }
    if (!PORT_NAME_CHARSET.matcher(port).matches()) {
      errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    }
    if (!PORT_NAME_ONE_LETTER.matcher(port).matches()) {
      errs.add("must contain at least one letter (a-z)");
    }
    if (port.contains("--")) {
      errs.add("must not contain consecutive hyphens");
    }
    if (!port.isEmpty() && (port.startsWith("-") || port.endsWith("-"))) {
      errs.add("must not begin or end with a hyphen");
    }
    return errs;
  }

  public static List<String> isValidPercent(String percent) {
    if (!PERCENT.matcher(percent).matches()) {
      return List.of(regexError(PERCENT_ERR, PERCENT_FMT, "1%", "93%"));
    }
    return List.of();
  }

  public static List<String> isHTTPHeaderName(String value) {
    if (!HTTP_HEADER_NAME.matcher(value).matches()) {
      return List.of(regexError(HTTP_HEADER_NAME_ERR, HTTP_HEADER_NAME_FMT, "X-Header-Name"));
    }
    return List.of();
  }

  /** The strict environment variable name rule (before v1.32's relaxed default). */
  public static List<String> isEnvVarName(String value) {
    List<String> errs = new ArrayList<>();
    if (!ENV_VAR_NAME.matcher(value).matches()) {
      errs.add(regexError(ENV_VAR_NAME_ERR, ENV_VAR_NAME_FMT, "my.env-name", "MY_ENV.NAME", "MyEnvName1"));
    }
    errs.addAll(hasChDirPrefix(value));
    return errs;
  }

  /**
   * The environment variable name rule of v1.32 (feature RelaxedEnvironmentVariableValidation, beta and on
   * by default): any printable ASCII but {@code =}.
   */
  public static List<String> isRelaxedEnvVarName(String value) {
    List<String> errs = new ArrayList<>();
    if (value.isEmpty()) {
      errs.add("environment variable name " + emptyError());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 0x7e || c < 0x20 || c == '=') {
        errs.add(RELAXED_ENV_VAR_NAME_ERR);
        break;
      }
    }
    return errs;
  }

  /** A key of a ConfigMap or Secret, which becomes a file name in a volume. */
  public static List<String> isConfigMapKey(String value) {
    List<String> errs = new ArrayList<>();
    if (len(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!CONFIG_MAP_KEY.matcher(value).matches()) {
      errs.add(regexError(CONFIG_MAP_KEY_ERR, CONFIG_MAP_KEY_FMT, "key.name", "KEY_NAME", "key-name"));
    }
    errs.addAll(hasChDirPrefix(value));
    return errs;
  }

  /** {@code IsDomainPrefixedPath}: e.g. a Job's {@code managedBy}, {@code acme.io/foo}. */
  public static ErrorList isDomainPrefixedPath(Path field, String value) {
    ErrorList errs = new ErrorList();
    if (value.isEmpty()) {
      return errs.required(field, "");
    }
    String[] segments = value.split("/", 2);
    if (segments.length != 2 || segments[0].isEmpty() || segments[1].isEmpty()) {
      return errs.invalid(field, value, "must be a domain-prefixed path (such as \"acme.io/foo\")");
    }
    for (String msg : isDNS1123Subdomain(segments[0])) {
      errs.invalid(field, segments[0], msg);
    }
    if (!HTTP_PATH.matcher(segments[1]).matches()) {
      errs.invalid(field, segments[1], regexError("Invalid path", HTTP_PATH_FMT));
    }
    return errs;
  }

  /** {@code IsValidIP}: a literal IPv4 or IPv6 address (IPv4 octets may have leading zeros). */
  public static ErrorList isValidIP(Path field, String value) {
    ErrorList errs = new ErrorList();
    if (!IpAddresses.isIP(value)) {
      errs.invalid(field, value, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
    }
    return errs;
  }

  /** {@code IsValidCIDR}: an IP prefix such as {@code 10.9.8.0/24}. */
  public static ErrorList isValidCIDR(Path field, String value) {
    ErrorList errs = new ErrorList();
    if (!IpAddresses.isCIDR(value)) {
      errs.invalid(field, value, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)");
    }
    return errs;
  }

  public static String maxLenError(int length) {
    return "must be no more than " + length + " characters";
  }

  /** {@code msg (e.g. 'a' or 'b', regex used for validation is 'fmt')}. */
  public static String regexError(String msg, String fmt, String... examples) {
    if (examples.length == 0) {
      return msg + " (regex used for validation is '" + fmt + "')";
    }
    StringBuilder b = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        b.append(" or ");
      }
      b.append('\'').append(examples[i]).append("', ");
    }
    return b.append("regex used for validation is '").append(fmt).append("')").toString();
  }

  public static String emptyError() {
    return "must be non-empty";
  }

  public static String inclusiveRangeError(long lo, long hi) {
    return "must be between " + lo + " and " + hi + ", inclusive";
  }

  /** Go's {@code len(s)}: the UTF-8 byte count. */
  public static int len(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static List<String> hasChDirPrefix(String value) {
    if (value.equals(".")) {
      return List.of("must not be '.'");
    }
    if (value.equals("..")) {
      return List.of("must not be '..'");
    }
    if (value.startsWith("..")) {
      return List.of("must not start with '..'");
    }
    return List.of();
  }
}
