package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/**
 * What a plugin may reach besides its arguments, as upstream's {@code framework.Handle}: the API
 * client (the binder, preemption), the snapshot of the current cycle (plugins that look at other
 * nodes' pods, such as InterPodAffinity and PodTopologySpread), the informer caches, and the
 * framework itself for plugins that run other plugins (preemption re-runs the filters).
 */
public interface Handle {

  KubernetesClient client();

  /** Every node of the current cycle's snapshot. */
  List<NodeInfo> snapshotNodes();

  /** One node of the current cycle's snapshot. */
  default Optional<NodeInfo> snapshotNode(String name) {
    return snapshotNodes().stream().filter(n -> n.name().equals(name)).findFirst();
  }

  Listers listers();

  /** Where plugins record events (preemption's {@code Preempted} on each victim). */
  default io.kube4j.scheduler.events.EventRecorder eventRecorder() {
    throw new UnsupportedOperationException("this handle records no events");
  }

  /** The filters of the profile this plugin belongs to, for preemption's "would it fit then?". */
  default FilterRunner filterRunner() {
    throw new UnsupportedOperationException("this handle runs no filters");
  }

  /** What preemption needs of the framework (upstream's {@code framework.Handle} embeds it). */
  interface FilterRunner {

    Status runFilterPlugins(CycleState state, io.fabric8.kubernetes.api.model.Pod pod, NodeInfo node);

    Status runPreFilterExtensionAddPod(CycleState state, io.fabric8.kubernetes.api.model.Pod podToSchedule,
        io.fabric8.kubernetes.api.model.Pod podToAdd, NodeInfo node);

    Status runPreFilterExtensionRemovePod(CycleState state, io.fabric8.kubernetes.api.model.Pod podToSchedule,
        io.fabric8.kubernetes.api.model.Pod podToRemove, NodeInfo node);
  }
}
