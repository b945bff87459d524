package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * Binds the pod to the node. Bind plugins run in order until one does not return SKIP; the
 * default, DefaultBinder, posts a {@code Binding} to {@code pods/<name>/binding}.
 */
public interface BindPlugin extends Plugin {

  Status bind(CycleState state, Pod pod, String nodeName);
}
