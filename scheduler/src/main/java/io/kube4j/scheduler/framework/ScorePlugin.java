package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/**
 * Ranks a feasible node; called for many nodes in parallel. Scores end up in 0..100 (after
 * {@link ScoreExtensions#normalizeScore} when the plugin has one), then are multiplied by the plugin's
 * weight in the profile and summed across plugins.
 */
public interface ScorePlugin extends Plugin {

  long score(CycleState state, Pod pod, NodeInfo node);

  default Optional<ScoreExtensions> scoreExtensions() {
    return Optional.empty();
  }
}
