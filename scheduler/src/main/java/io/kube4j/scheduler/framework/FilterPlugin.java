package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * Can this pod run on this node? Called for many nodes in parallel, so it must only read
 * {@code state} and {@code node}. A rejection names every reason (fit.go reports each insufficient
 * resource), because that is what "why not this node" needs.
 */
public interface FilterPlugin extends Plugin {

  Status filter(CycleState state, Pod pod, NodeInfo node);
}
