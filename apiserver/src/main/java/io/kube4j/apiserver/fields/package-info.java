/**
 * Field selectors: the {@code ?fieldSelector=} query of lists and watches, e.g. kubectl's
 * {@code spec.nodeName=node1,status.phase!=Succeeded}. A {@link io.kube4j.apiserver.fields.FieldSelector}
 * is an AND of {@code field=value} and {@code field!=value} terms matched against the few selectable
 * fields each kind exposes; a {@link io.kube4j.apiserver.fields.FieldLabelConversion} says which.
 *
 * <p>See https://kubernetes.io/docs/concepts/overview/working-with-objects/field-selectors/.
 * Mirrors {@code k8s.io/apimachinery/pkg/fields} (selector.go) and the field label conversion
 * functions of {@code pkg/runtime/conversion.go} and {@code pkg/apis/core/v1/conversion.go}, as of v1.32.
 */
package io.kube4j.apiserver.fields;
