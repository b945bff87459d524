package io.kube4j.scheduler.plugins.nodeunschedulable;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.kube4j.scheduler.corev1.Tolerations;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FilterPlugin;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.Status;

/** Keeps pods off cordoned nodes unless they tolerate the unschedulable taint. */
public final class NodeUnschedulable implements FilterPlugin {

  public static final String NAME = "NodeUnschedulable";
  public static final String ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";
  private static final Taint UNSCHEDULABLE_TAINT = new TaintBuilder().withKey("node.kubernetes.io/unschedulable")
      .withEffect("NoSchedule").build();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status filter(CycleState state, Pod pod, NodeInfo node) {
    var spec = node.node().getSpec();
    if (spec == null || !Boolean.TRUE.equals(spec.getUnschedulable())
        || Tolerations.tolerate(pod.getSpec().getTolerations(), UNSCHEDULABLE_TAINT)) {
      return Status.success();
    }
    return Status.unschedulableAndUnresolvable(ERR_REASON_UNSCHEDULABLE);
  }
}
