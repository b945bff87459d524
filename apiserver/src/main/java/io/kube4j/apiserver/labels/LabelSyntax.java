package io.kube4j.apiserver.labels;

import io.kube4j.apiserver.api.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a label key ("qualified name") and a label value may look like, with the exact words
 * Kubernetes uses when they don't. Each check returns every reason the string fails, empty when it is
 * valid, like {@code validation.IsQualifiedName} and {@code validation.IsValidLabelValue} in
 * {@code k8s.io/apimachinery/pkg/util/validation/validation.go} (v1.32). Lengths are counted in UTF-8
 * bytes, as Go's {@code len} counts them.
 */
public final class LabelSyntax {

  /** Longest name part of a qualified name, and longest label value. */
  public static final int QUALIFIED_NAME_MAX_LENGTH = 63;
  public static final int LABEL_VALUE_MAX_LENGTH = 63;
  public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

  private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String QUALIFIED_NAME_ERR_MSG = "must consist of alphanumeric characters, '-', '_' "
      + "or '.', and must start and end with an alphanumeric character";
  private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);

  private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  private static final String LABEL_VALUE_ERR_MSG = "a valid label must be an empty string or consist of "
      + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);

  private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  private static final String DNS1123_SUBDOMAIN_ERR_MSG = "a lowercase RFC 1123 subdomain must consist of "
      + "lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);

  private LabelSyntax() {
  }

  /**
   * A label key: an optional DNS-subdomain prefix and {@code /}, then a name of at most 63 characters,
   * e.g. {@code app}, {@code kubernetes.io/hostname}.
   */
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
          isDns1123Subdomain(prefix).forEach(msg -> errs.add("prefix part " + msg));
        }
      }
      default -> {
        errs.add("a qualified name " + regexError(QUALIFIED_NAME_ERR_MSG, QUALIFIED_NAME_FMT,
            "MyName", "my.name", "123-abc")
            + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        return errs;
      }
    }
    if (name.isEmpty()) {
      errs.add("name part " + emptyError());
    } else if (byteLength(name) > QUALIFIED_NAME_MAX_LENGTH) {
      errs.add("name part " + maxLenError(QUALIFIED_NAME_MAX_LENGTH));
    }
    if (!QUALIFIED_NAME.matcher(name).matches()) {
      errs.add("name part " + regexError(QUALIFIED_NAME_ERR_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  /** A label value: empty, or at most 63 characters of the name alphabet. */
  public static List<String> isValidLabelValue(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > LABEL_VALUE_MAX_LENGTH) {
      errs.add(maxLenError(LABEL_VALUE_MAX_LENGTH));
    }
    if (!LABEL_VALUE.matcher(value).matches()) {
      errs.add(regexError(LABEL_VALUE_ERR_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errs;
  }

  /** A DNS (RFC 1123) subdomain such as {@code example.com}: the prefix part of a label key. */
  public static List<String> isDns1123Subdomain(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
      errs.add(regexError(DNS1123_SUBDOMAIN_ERR_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return errs;
  }

  /**
   * {@code metadata.labels} of an object, one {@link FieldError} per failure at {@code fieldPath}, as
   * {@code metav1validation.ValidateLabels}. Upstream walks a Go map in random order; here the
   * map's own order is kept, so pass a sorted map for a stable message.
   */
  public static List<FieldError> validateLabels(Map<String, String> labels, String fieldPath) {
    List<FieldError> errs = new ArrayList<>();
    if (labels == null) {
      return errs;
    }
    labels.forEach((key, value) -> {
      errs.addAll(validateLabelName(key, fieldPath));
      isValidLabelValue(value).forEach(msg -> errs.add(FieldError.invalid(fieldPath, value, msg)));
    });
    return errs;
  }

  /** One label key at {@code fieldPath}, as {@code metav1validation.ValidateLabelName}. */
  public static List<FieldError> validateLabelName(String key, String fieldPath) {
    return isQualifiedName(key).stream().map(msg -> FieldError.invalid(fieldPath, key, msg)).toList();
  }

  /** {@code must be no more than 63 characters}. */
  public static String maxLenError(int length) {
    return "must be no more than " + length + " characters";
  }

  /** {@code must be non-empty}. */
  public static String emptyError() {
    return "must be non-empty";
  }

  /**
   * {@code <msg> (e.g. 'MyName',  or 'my.name', regex used for validation is '<fmt>')}. The doubled
   * space before each "or" is upstream's, and kubectl users see it, so it stays.
   */
  public static String regexError(String msg, String fmt, String... examples) {
    if (examples.length == 0) {
      return msg + " (regex used for validation is '" + fmt + "')";
    }
    StringBuilder s = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        s.append(" or ");
      }
      s.append('\'').append(examples[i]).append("', ");
    }
    return s.append("regex used for validation is '").append(fmt).append("')").toString();
  }

  static int byteLength(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
