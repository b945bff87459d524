package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * An optional capability of a PreFilter plugin whose state counts other pods (PodTopologySpread,
 * InterPodAffinity): keeps that state right when preemption removes a victim from a node, or puts
 * it back, without recomputing it over the whole cluster (upstream's {@code PreFilterExtensions}).
 */
public interface PreFilterExtensions {

  Status addPod(CycleState state, Pod podToSchedule, Pod podToAdd, NodeInfo node);

  Status removePod(CycleState state, Pod podToSchedule, Pod podToRemove, NodeInfo node);
}
