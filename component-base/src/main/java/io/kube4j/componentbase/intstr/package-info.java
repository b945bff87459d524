/**
 * {@code IntOrString} fields that mean "a number, or a percentage of a total" ({@code maxSurge},
 * {@code maxUnavailable}, {@code minAvailable}), as upstream's
 * {@code k8s.io/apimachinery/pkg/util/intstr}.
 */
package io.kube4j.componentbase.intstr;
