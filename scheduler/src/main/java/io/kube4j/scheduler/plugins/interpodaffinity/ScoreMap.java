package io.kube4j.scheduler.plugins.interpodaffinity;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.framework.AffinityTerm;
import java.util.HashMap;
import java.util.Map;

/**
 * Topology key → value → accumulated weight (upstream's {@code scoreMap}), built by PreScore and read
 * by every Score call; immutable once written to the CycleState.
 */
final class ScoreMap {

  private final Map<String, Map<String, Long>> scores = new HashMap<>();

  boolean isEmpty() {
    return scores.isEmpty();
  }

  /** If {@code pod} matches the term, its node's domain for the term's key gets {@code weight * multiplier}. */
  void processTerm(AffinityTerm term, int weight, Pod pod, Map<String, String> nsLabels, Node node, int multiplier) {
    if (!term.matches(pod, nsLabels)) {
      return;
    }
    String value = node.getMetadata().getLabels().get(term.topologyKey());
    if (value != null) {
      scores.computeIfAbsent(term.topologyKey(), k -> new HashMap<>()).merge(value, (long) weight * multiplier, Long::sum);
    }
  }

  long scoreOf(Map<String, String> nodeLabels) {
    long score = 0;
    for (Map.Entry<String, Map<String, Long>> e : scores.entrySet()) {
      String value = nodeLabels.get(e.getKey());
      if (value != null) {
        score += e.getValue().getOrDefault(value, 0L);
      }
    }
    return score;
  }
}
