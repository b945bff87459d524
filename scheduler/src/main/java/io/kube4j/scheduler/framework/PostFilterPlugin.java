package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.Optional;

/**
 * Runs when no node passed the filters (DefaultPreemption: evict lower-priority pods and nominate a
 * node). {@code filteredNodeStatus} holds each rejected node's status.
 */
public interface PostFilterPlugin extends Plugin {

  /**
   * @return the node to nominate the pod to ({@code status.nominatedNodeName}; "" clears it; empty leaves
   *     it), and a status whose reasons are added to the failure message
   */
  Result postFilter(CycleState state, Pod pod, Map<String, Status> filteredNodeStatus);

  record Result(Optional<String> nominatedNodeName, Status status) {}
}
