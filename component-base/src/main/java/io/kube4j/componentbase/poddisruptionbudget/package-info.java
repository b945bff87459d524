/**
 * Helpers the apiserver's eviction subresource and the disruption controller share, as upstream's
 * {@code k8s.io/component-helpers/apps/poddisruptionbudget}: the {@code DisruptionAllowed}
 * condition of a PodDisruptionBudget's status. Concept:
 * https://kubernetes.io/docs/concepts/workloads/pods/disruptions/
 */
package io.kube4j.componentbase.poddisruptionbudget;
