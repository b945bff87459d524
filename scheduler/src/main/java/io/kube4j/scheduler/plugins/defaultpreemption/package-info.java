/**
 * DefaultPreemption, the PostFilter that runs when a pod fits no node: it finds nodes where evicting
 * lower-priority pods would make room, picks the node whose eviction hurts least (PodDisruptionBudgets
 * first), nominates the pod there ({@code status.nominatedNodeName}) and deletes the victims. See
 * https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/ ; mirrors
 * {@code pkg/scheduler/framework/plugins/defaultpreemption} and {@code pkg/scheduler/framework/preemption}.
 */
package io.kube4j.scheduler.plugins.defaultpreemption;
