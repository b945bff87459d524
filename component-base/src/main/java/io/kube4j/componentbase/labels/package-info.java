/**
 * Label selectors ({@code k8s.io/apimachinery/pkg/labels}): what a {@code metav1.LabelSelector}
 * selects. https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/
 */
package io.kube4j.componentbase.labels;
