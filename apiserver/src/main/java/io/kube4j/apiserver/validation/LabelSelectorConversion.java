package io.kube4j.apiserver.validation;

import io.fabric8.kubernetes.api.model.LabelSelector;

/**
 * Whether a {@code metav1.LabelSelector} converts to a {@code labels.Selector}; what it selects is
 * {@link io.kube4j.componentbase.labels.LabelSelectors}.
 */
public final class LabelSelectorConversion {

  private LabelSelectorConversion() {}

  /**
   * Whether the selector can be turned into a {@code labels.Selector}: every operator is known, keys and
   * values are well formed. Where it cannot, upstream skips the template-match check.
   */
  public static boolean isConvertible(LabelSelector selector) {
    return selector == null
        || LabelValidation.validateLabelSelector(selector, Path.root("selector")).isEmpty();
  }
}
