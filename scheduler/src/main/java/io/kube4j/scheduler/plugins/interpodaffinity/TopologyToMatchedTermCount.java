package io.kube4j.scheduler.plugins.interpodaffinity;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.framework.AffinityTerm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per topology pair ({@code zone=a}, {@code kubernetes.io/hostname=n1}), how many matching terms
 * (upstream's {@code topologyToMatchedTermCount}). Entries that drop to zero are removed, so
 * "is there any" is {@code isEmpty()}.
 */
final class TopologyToMatchedTermCount {

  record TopologyPair(String key, String value) {}

  private final Map<TopologyPair, Long> counts = new HashMap<>();

  long get(String key, String value) {
    return counts.getOrDefault(new TopologyPair(key, value), 0L);
  }

  boolean isEmpty() {
    return counts.isEmpty();
  }

  void update(Node node, String key, long delta) {
    Map<String, String> labels = node.getMetadata().getLabels();
    String value = labels == null ? null : labels.get(key);
    if (value != null) {
      counts.merge(new TopologyPair(key, value), delta, (a, b) -> a + b == 0 ? null : a + b);
    }
  }

  /** Each anti-affinity term that matches {@code pod} counts once in the node's domain for its key. */
  void updateWithAntiAffinityTerms(List<AffinityTerm> terms, Pod pod, Map<String, String> nsLabels, Node node,
      long delta) {
    for (AffinityTerm t : terms) {
      if (t.matches(pod, nsLabels)) {
        update(node, t.topologyKey(), delta);
      }
    }
  }

  /** Affinity terms are ANDed: only a pod matching all of them counts, for every term's key. */
  void updateWithAffinityTerms(List<AffinityTerm> terms, Pod pod, Node node, long delta) {
    if (podMatchesAllAffinityTerms(terms, pod)) {
      for (AffinityTerm t : terms) {
        update(node, t.topologyKey(), delta);
      }
    }
  }

  /** The incoming pod's terms have their namespaceSelector resolved, so no namespace labels are needed. */
  static boolean podMatchesAllAffinityTerms(List<AffinityTerm> terms, Pod pod) {
    return !terms.isEmpty() && terms.stream().allMatch(t -> t.matches(pod, Map.of()));
  }

  TopologyToMatchedTermCount copy() {
    TopologyToMatchedTermCount c = new TopologyToMatchedTermCount();
    c.counts.putAll(counts);
    return c;
  }
}
