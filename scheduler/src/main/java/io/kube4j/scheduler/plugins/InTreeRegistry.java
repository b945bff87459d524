package io.kube4j.scheduler.plugins;

import io.kube4j.scheduler.framework.runtime.Profile;
import io.kube4j.scheduler.framework.runtime.Registry;
import io.kube4j.scheduler.plugins.defaultbinder.DefaultBinder;
import io.kube4j.scheduler.plugins.defaultpreemption.DefaultPreemption;
import io.kube4j.scheduler.plugins.imagelocality.ImageLocality;
import io.kube4j.scheduler.plugins.interpodaffinity.InterPodAffinity;
import io.kube4j.scheduler.plugins.interpodaffinity.InterPodAffinityArgs;
import io.kube4j.scheduler.plugins.nodeaffinity.NodeAffinity;
import io.kube4j.scheduler.plugins.nodename.NodeName;
import io.kube4j.scheduler.plugins.nodeports.NodePorts;
import io.kube4j.scheduler.plugins.noderesources.NodeResourcesBalancedAllocation;
import io.kube4j.scheduler.plugins.noderesources.NodeResourcesFit;
import io.kube4j.scheduler.plugins.nodeunschedulable.NodeUnschedulable;
import io.kube4j.scheduler.plugins.podtopologyspread.PodTopologySpread;
import io.kube4j.scheduler.plugins.podtopologyspread.PodTopologySpreadArgs;
import io.kube4j.scheduler.plugins.tainttoleration.TaintToleration;
import java.util.List;
import java.util.Map;

/** The plugins kube4j has, and the default profile built from them. */
public final class InTreeRegistry {

  /** The plugins for which a pod being bound may make a rejected pod fit (their {@code EventsToRegister}). */
  public static final java.util.Set<String> ASSIGNED_POD_ADD_PLUGINS = java.util.Set.of(InterPodAffinity.NAME,
      PodTopologySpread.NAME);

  private InTreeRegistry() {}

  public static Registry create() {
    return new Registry()
        .register(NodeUnschedulable.NAME, h -> new NodeUnschedulable())
        .register(NodeName.NAME, h -> new NodeName())
        .register(TaintToleration.NAME, h -> new TaintToleration())
        .register(NodeAffinity.NAME, h -> new NodeAffinity())
        .register(NodePorts.NAME, h -> new NodePorts())
        .register(NodeResourcesFit.NAME, h -> new NodeResourcesFit())
        .register(PodTopologySpread.NAME, h -> new PodTopologySpread(h, PodTopologySpreadArgs.DEFAULT))
        .register(InterPodAffinity.NAME, h -> new InterPodAffinity(h, InterPodAffinityArgs.DEFAULT))
        .register(NodeResourcesBalancedAllocation.NAME, h -> new NodeResourcesBalancedAllocation())
        .register(ImageLocality.NAME, ImageLocality::new)
        .register(DefaultPreemption.NAME, DefaultPreemption::new)
        .register(DefaultBinder.NAME, DefaultBinder::new);
  }

  /**
   * Upstream's default {@code multiPoint} plugins in their order, restricted to those kube4j has
   * (the volume plugins, SchedulingGates and PrioritySort, which is the queue's order, are not), with
   * upstream's score weights.
   */
  public static Profile defaultProfile(int percentageOfNodesToScore) {
    return new Profile(Profile.DEFAULT_SCHEDULER_NAME,
        List.of(NodeUnschedulable.NAME, NodeName.NAME, TaintToleration.NAME, NodeAffinity.NAME, NodePorts.NAME,
            NodeResourcesFit.NAME, PodTopologySpread.NAME, InterPodAffinity.NAME,
            DefaultPreemption.NAME, NodeResourcesBalancedAllocation.NAME, ImageLocality.NAME, DefaultBinder.NAME),
        Map.of(TaintToleration.NAME, 3, NodeAffinity.NAME, 2, NodeResourcesFit.NAME, 1, PodTopologySpread.NAME, 2,
            InterPodAffinity.NAME, 2, NodeResourcesBalancedAllocation.NAME, 1, ImageLocality.NAME, 1),
        percentageOfNodesToScore);
  }
}
