/**
 * PodDisruptionBudgets: how many selected pods voluntary disruptions (evictions) must leave available;
 * either {@code minAvailable} or {@code maxUnavailable}.
 *
 * <p>Mirrors {@code pkg/registry/policy/poddisruptionbudget/strategy.go} and
 * {@code pkg/apis/policy/validation}. See https://kubernetes.io/docs/concepts/workloads/pods/disruptions/
 */
package io.kube4j.apiserver.registry.policy.poddisruptionbudget;
