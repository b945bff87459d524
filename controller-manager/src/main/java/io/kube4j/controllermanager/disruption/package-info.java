/**
 * The disruption controller ({@code pkg/controller/disruption}): keeps every PodDisruptionBudget's
 * status ({@code currentHealthy}, {@code desiredHealthy}, {@code expectedPods},
 * {@code disruptionsAllowed}) up to date, which the apiserver's {@code pods/eviction} reads to allow
 * or refuse an eviction. https://kubernetes.io/docs/concepts/workloads/pods/disruptions/
 */
package io.kube4j.controllermanager.disruption;
