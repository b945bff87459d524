package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * Told the chosen node before binding, so state kept outside the cache (volumes, quotas) can be
 * reserved; {@link #unreserve} undoes it when a later step fails.
 */
public interface ReservePlugin extends Plugin {

  Status reserve(CycleState state, Pod pod, String nodeName);

  void unreserve(CycleState state, Pod pod, String nodeName);
}
