package io.kube4j.scheduler.plugins.noderesources;

import java.util.List;

/**
 * Upstream's {@code NodeResourcesFitArgs}: how NodeResourcesFit scores. The default is LeastAllocated
 * over cpu and memory, weight 1 each.
 */
public record NodeResourcesFitArgs(ScoringStrategy scoringStrategy) {

  /** {@code LeastAllocated} spreads pods out; {@code MostAllocated} packs them; {@code RequestedToCapacityRatio} follows a shape. */
  public enum StrategyType { LeastAllocated, MostAllocated, RequestedToCapacityRatio }

  /** A resource that counts for the score, and its weight in the weighted average. */
  public record ResourceSpec(String name, long weight) {}

  /** A point of the RequestedToCapacityRatio function: at {@code utilization} % (0-100), score {@code score} (0-10). */
  public record UtilizationShapePoint(int utilization, int score) {}

  /** @param shape only for RequestedToCapacityRatio; points in increasing utilization */
  public record ScoringStrategy(StrategyType type, List<ResourceSpec> resources, List<UtilizationShapePoint> shape) {

    public ScoringStrategy {
      resources = List.copyOf(resources);
      shape = List.copyOf(shape);
    }
  }

  public static final List<ResourceSpec> DEFAULT_RESOURCES = List.of(new ResourceSpec("cpu", 1),
      new ResourceSpec("memory", 1));

  public static final NodeResourcesFitArgs DEFAULT = new NodeResourcesFitArgs(
      new ScoringStrategy(StrategyType.LeastAllocated, DEFAULT_RESOURCES, List.of()));

  public static NodeResourcesFitArgs of(StrategyType type) {
    return new NodeResourcesFitArgs(new ScoringStrategy(type, DEFAULT_RESOURCES, List.of()));
  }
}
