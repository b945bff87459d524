package io.kube4j.scheduler.framework.runtime;

import java.util.List;
import java.util.Map;

/**
 * One scheduling profile (a {@code KubeSchedulerProfile}): the {@code schedulerName} pods ask for, the
 * plugins enabled in the order their extension points run them (upstream's {@code multiPoint}), the
 * weight of each score plugin, and {@code percentageOfNodesToScore} (0: adaptive).
 */
public record Profile(String schedulerName, List<String> plugins, Map<String, Integer> scoreWeights,
    int percentageOfNodesToScore) {

  public static final String DEFAULT_SCHEDULER_NAME = "default-scheduler";

  public Profile {
    plugins = List.copyOf(plugins);
    scoreWeights = Map.copyOf(scoreWeights);
  }

  public int weight(String plugin) {
    return scoreWeights.getOrDefault(plugin, 1);
  }
}
