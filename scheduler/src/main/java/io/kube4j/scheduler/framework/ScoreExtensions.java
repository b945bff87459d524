package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/** The NormalizeScore extension point: rescales one plugin's raw scores to 0..100 across all nodes. */
public interface ScoreExtensions {

  List<NodeScore> normalizeScore(CycleState state, Pod pod, List<NodeScore> scores);

  /**
   * Upstream's {@code helper.DefaultNormalizeScore}: scales so the best node gets {@code maxPriority};
   * {@code reverse} makes the lowest raw score the best (e.g. fewest intolerable taints).
   * Worked example, max 100: raw [2, 5, 0] → [40, 100, 0]; reversed → [60, 0, 100].
   */
  static List<NodeScore> defaultNormalizeScore(long maxPriority, boolean reverse, List<NodeScore> scores) {
    long max = scores.stream().mapToLong(NodeScore::score).max().orElse(0);
    if (max == 0) {
      return reverse ? scores.stream().map(s -> new NodeScore(s.name(), maxPriority)).toList() : scores;
    }
    return scores.stream().map(s -> {
      long v = maxPriority * s.score() / max;
      return new NodeScore(s.name(), reverse ? maxPriority - v : v);
    }).toList();
  }
}
