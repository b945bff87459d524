package io.kube4j.scheduler.plugins.nodeports;

import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FilterPlugin;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.NodeInfo.HostPort;
import io.kube4j.scheduler.framework.PreFilterPlugin;
import io.kube4j.scheduler.framework.PreFilterResult;
import io.kube4j.scheduler.framework.Status;
import java.util.List;

/** Rejects nodes where a requested host port is taken. */
public final class NodePorts implements PreFilterPlugin, FilterPlugin {

  public static final String NAME = "NodePorts";
  public static final String ERR_REASON = "node(s) didn't have free ports for the requested pod ports";
  static final String PRE_FILTER_STATE_KEY = "PreFilter" + NAME;

  record PreFilterState(List<HostPort> ports) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PreFilterResult preFilter(CycleState state, Pod pod) {
    state.write(PRE_FILTER_STATE_KEY, new PreFilterState(NodeInfo.hostPorts(pod)));
    return PreFilterResult.success();
  }

  @Override
  public Status filter(CycleState state, Pod pod, NodeInfo node) {
    List<HostPort> wanted = state.require(PRE_FILTER_STATE_KEY, PreFilterState.class).ports();
    if (wanted.isEmpty()) {
      return Status.success();
    }
    List<HostPort> used = node.usedPorts();
    boolean conflict = wanted.stream().anyMatch(w -> used.stream().anyMatch(w::conflictsWith));
    return conflict ? Status.unschedulable(ERR_REASON) : Status.success();
  }
}
