package io.kube4j.apiserver.labels;

import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a label key ("qualified name") and a label value may look like, with the exact words
 * Kubernetes uses when they don't. Each check returns every reason the string fails, empty when it is
 * valid, like {@code validation.IsQualifiedName} and {@code validation.IsValidLabelValue} in
 * {@code k8s.io/apimachinery/pkg/util/validation/validation.go} (v1.32); the checks themselves live in {@link io.kube4j.apiserver.validation.Validation}.
 */
public final class LabelSyntax {

  private LabelSyntax() {}

  /**
   * A label key: an optional DNS-subdomain prefix and {@code /}, then a name of at most 63 characters,
   * e.g. {@code app}, {@code kubernetes.io/hostname}.
   */
  public static List<String> isQualifiedName(String value) {
    return Validation.isQualifiedName(value);
  }

  /** A label value: empty, or at most 63 characters of the name alphabet. */
  public static List<String> isValidLabelValue(String value) {
    return Validation.isValidLabelValue(value);
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
}
