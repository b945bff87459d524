package io.kube4j.scheduler.plugins.interpodaffinity;

import io.fabric8.kubernetes.api.model.Node;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.PodInfo;
import java.util.Map;

/**
 * What PreFilter counts for Filter (upstream's {@code preFilterState}):
 * <ul>
 *   <li>{@code existingAntiAffinityCounts}: domains where an existing pod's required anti-affinity
 *       term matches the incoming pod (it must not go there);</li>
 *   <li>{@code affinityCounts}: domains holding a pod that matches all the incoming pod's required
 *       affinity terms (it must go to one);</li>
 *   <li>{@code antiAffinityCounts}: domains holding a pod matching one of its required anti-affinity
 *       terms (it must not go there).</li>
 * </ul>
 * Preemption mutates a {@link #copy()} when it removes victims, under the monitor.
 */
final class PreFilterState implements CycleState.StateData {

  final PodInfo podInfo;
  final Map<String, String> namespaceLabels;
  final TopologyToMatchedTermCount existingAntiAffinityCounts;
  final TopologyToMatchedTermCount affinityCounts;
  final TopologyToMatchedTermCount antiAffinityCounts;

  PreFilterState(PodInfo podInfo, Map<String, String> namespaceLabels, TopologyToMatchedTermCount existing,
      TopologyToMatchedTermCount affinity, TopologyToMatchedTermCount anti) {
    this.podInfo = podInfo;
    this.namespaceLabels = namespaceLabels;
    this.existingAntiAffinityCounts = existing;
    this.affinityCounts = affinity;
    this.antiAffinityCounts = anti;
  }

  /** {@code pod} was added to (+1) or removed from (-1) {@code node}. */
  synchronized void updateWithPod(PodInfo pod, Node node, long delta) {
    existingAntiAffinityCounts.updateWithAntiAffinityTerms(pod.requiredAntiAffinityTerms(), podInfo.pod(),
        namespaceLabels, node, delta);
    affinityCounts.updateWithAffinityTerms(podInfo.requiredAffinityTerms(), pod.pod(), node, delta);
    antiAffinityCounts.updateWithAntiAffinityTerms(podInfo.requiredAntiAffinityTerms(), pod.pod(), Map.of(), node,
        delta);
  }

  @Override
  public synchronized PreFilterState copy() {
    return new PreFilterState(podInfo, namespaceLabels, existingAntiAffinityCounts.copy(), affinityCounts.copy(),
        antiAffinityCounts.copy());
  }
}
