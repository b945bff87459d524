package io.kube4j.apiserver.validation.core;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numeric views of {@code resource.Quantity} values ({@code 500m}, {@code 1Gi}, {@code 1e3}) for
 * comparisons in validation, defaulting and QoS.
 */
public final class Quantities {

  /** {@code resource.ErrFormatWrong}, the words a malformed quantity is rejected with. */
  public static final String FORMAT_WRONG =
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

  private static final Pattern FORMAT = Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");

  private Quantities() {}

  /** The value in base units (cores, bytes), or empty when the text is not a quantity. */
  public static Optional<BigDecimal> value(Quantity q) {
    if (q == null) {
      return Optional.empty();
    }
    String text = text(q);
    if (!FORMAT.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(q.getNumericalAmount());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The quantity as written, e.g. {@code 500m}. */
  public static String text(Quantity q) {
    return q == null ? "" : q.toString();
  }

  /** {@code a.Cmp(b)}; malformed quantities compare as zero. */
  public static int compare(Quantity a, Quantity b) {
    return value(a).orElse(BigDecimal.ZERO).compareTo(value(b).orElse(BigDecimal.ZERO));
  }

  public static BigDecimal valueOrZero(Quantity q) {
    return value(q).orElse(BigDecimal.ZERO);
  }
}
