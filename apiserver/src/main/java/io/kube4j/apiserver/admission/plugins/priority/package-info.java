/**
 * Priority: a pod's {@code priorityClassName} (or the cluster's global default class) becomes its
 * integer priority and preemption policy, which the scheduler orders and preempts by.
 *
 * <p>Mirrors {@code plugin/pkg/admission/priority}. See
 * https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/
 */
package io.kube4j.apiserver.admission.plugins.priority;
