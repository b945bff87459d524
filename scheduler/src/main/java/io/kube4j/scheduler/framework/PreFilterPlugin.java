package io.kube4j.scheduler.framework;

/** Runs once per cycle before filtering: computes state for Filter, or rejects the pod outright. */
public interface PreFilterPlugin extends Plugin {

  PreFilterResult preFilter(CycleState state, io.fabric8.kubernetes.api.model.Pod pod);
}
