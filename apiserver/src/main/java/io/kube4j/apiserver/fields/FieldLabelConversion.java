package io.kube4j.apiserver.fields;

import io.kube4j.apiserver.api.StatusException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which fields a kind can be selected by, and their canonical names: the function each kind registers
 * with {@code scheme.AddFieldLabelConversionFunc} upstream. The apiserver runs every term of a
 * {@code ?fieldSelector=} through it ({@link FieldSelector#transform}) and answers 400 BadRequest with
 * the conversion's message when a field is not supported, e.g. {@code field label not supported: spec.foo}.
 */
@FunctionalInterface
public interface FieldLabelConversion {

  /**
   * The canonical name of {@code label}, the one the kind's selectable-fields map uses.
   *
   * @throws StatusException BadRequest when the kind cannot be selected by {@code label}
   */
  String convert(String label);

  /**
   * For kinds that register no conversion: only {@code metadata.name} and {@code metadata.namespace}
   * ({@code runtime.DefaultMetaV1FieldSelectorConversion}); anything else fails with
   * {@code "spec.foo" is not a known field selector: only "metadata.name", "metadata.namespace"}.
   */
  static FieldLabelConversion metadataOnly() {
    return label -> {
      if (label.equals("metadata.name") || label.equals("metadata.namespace")) {
        return label;
      }
      throw StatusException.badRequest(FieldSelector.goQuote(label)
          + " is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
    };
  }

  /**
   * For kinds with a registered conversion that accepts exactly {@code labels}, as the core kinds do in
   * {@code pkg/apis/core/v1/conversion.go}; anything else fails with {@code field label not supported: <label>}.
   * Note those conversions list {@code metadata.name}/{@code metadata.namespace} themselves when they
   * support them (Node, for one, has no {@code metadata.namespace}).
   */
  static FieldLabelConversion supporting(Collection<String> labels) {
    Map<String, String> identity = new LinkedHashMap<>();
    labels.forEach(l -> identity.put(l, l));
    return supporting(identity);
  }

  /**
   * Like {@link #supporting(Collection)}, with renames: a label maps to the canonical field it selects,
   * e.g. Pod's legacy {@code spec.host} to {@code spec.nodeName}, or events.k8s.io's
   * {@code regarding.name} to {@code involvedObject.name}.
   */
  static FieldLabelConversion supporting(Map<String, String> labelToCanonical) {
    Map<String, String> copy = Map.copyOf(labelToCanonical);
    return label -> {
      String canonical = copy.get(label);
      if (canonical == null) {
        throw StatusException.badRequest("field label not supported: " + label);
      }
      return canonical;
    };
  }
}
