/**
 * PriorityClasses: named pod priorities; values above one billion and names starting {@code system-} are
 * reserved for the two system classes; value and preemption policy never change.
 *
 * <p>Mirrors {@code pkg/registry/scheduling/priorityclass/strategy.go} and
 * {@code pkg/apis/scheduling/validation}. See
 * https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/
 */
package io.kube4j.apiserver.registry.scheduling.priorityclass;
