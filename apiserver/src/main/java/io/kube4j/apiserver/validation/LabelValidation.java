package io.kube4j.apiserver.validation;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Labels and label selectors: keys are qualified names, values label values, selector operators one of
 * In/NotIn/Exists/DoesNotExist. Mirrors {@code k8s.io/apimachinery/pkg/apis/meta/v1/validation}.
 * Maps are walked in key order so that messages come out in a stable order (Go's map order is random).
 */
public final class LabelValidation {

  private LabelValidation() {}

  /** {@code ValidateLabels}: every error is reported at {@code field} itself, not at a key. */
  public static ErrorList validateLabels(Map<String, String> labels, Path field) {
    ErrorList errs = new ErrorList();
    if (labels == null) {
      return errs;
    }
    for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
      errs.addAll(validateLabelName(e.getKey(), field));
      errs.invalidEach(field, e.getValue(), Validation.isValidLabelValue(e.getValue()));
    }
    return errs;
  }

  public static ErrorList validateLabelName(String name, Path field) {
    return new ErrorList().invalidEach(field, name, Validation.isQualifiedName(name));
  }

  /** {@code ValidateLabelSelector} (label values are checked strictly, as for new objects). */
  public static ErrorList validateLabelSelector(LabelSelector selector, Path field) {
    ErrorList errs = new ErrorList();
    if (selector == null) {
      return errs;
    }
    errs.addAll(validateLabels(selector.getMatchLabels(), field.child("matchLabels")));
    List<LabelSelectorRequirement> exprs = selector.getMatchExpressions();
    if (exprs != null) {
      for (int i = 0; i < exprs.size(); i++) {
        errs.addAll(validateLabelSelectorRequirement(exprs.get(i), field.child("matchExpressions").index(i)));
      }
    }
    return errs;
  }

  public static ErrorList validateLabelSelectorRequirement(LabelSelectorRequirement req, Path field) {
    ErrorList errs = new ErrorList();
    List<String> values = req.getValues() == null ? List.of() : req.getValues();
    String op = req.getOperator() == null ? "" : req.getOperator();
    switch (op) {
      case "In", "NotIn" -> {
        if (values.isEmpty()) {
          errs.required(field.child("values"), "must be specified when `operator` is 'In' or 'NotIn'");
        }
      }
      case "Exists", "DoesNotExist" -> {
        if (!values.isEmpty()) {
          errs.forbidden(field.child("values"),
              "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
        }
      }
      default -> errs.invalid(field.child("operator"), op, "not a valid selector operator");
    }
    errs.addAll(validateLabelName(req.getKey() == null ? "" : req.getKey(), field.child("key")));
    Path valuesPath = field.child("values");
    for (int i = 0; i < values.size(); i++) {
      errs.invalidEach(valuesPath.index(i), values.get(i), Validation.isValidLabelValue(values.get(i)));
    }
    return errs;
  }
}
