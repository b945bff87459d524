/**
 * Label selectors: the {@code ?labelSelector=} query of lists and watches, and the
 * {@code spec.selector} of Deployments, ReplicaSets, Services and Jobs once converted from their
 * {@code matchLabels}/{@code matchExpressions} form. A {@link io.kube4j.apiserver.labels.LabelSelector}
 * is an AND of {@link io.kube4j.apiserver.labels.Requirement}s; {@link io.kube4j.apiserver.labels.LabelSyntax}
 * holds the label key and value rules with Kubernetes' own error words.
 *
 * <p>See https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors.
 * Mirrors {@code k8s.io/apimachinery/pkg/labels} (selector.go) and the label parts of
 * {@code pkg/util/validation/validation.go}, as of Kubernetes v1.32.
 */
package io.kube4j.apiserver.labels;
