/**
 * Label selectors as controllers evaluate them against objects in their caches (apimachinery's
 * {@code pkg/labels} and {@code metav1.LabelSelectorAsSelector}). See
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors.
 */
package io.kube4j.controllermanager.labels;
