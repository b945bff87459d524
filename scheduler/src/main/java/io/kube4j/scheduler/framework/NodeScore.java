package io.kube4j.scheduler.framework;

/** One node's score from one Score plugin (0..{@link #MAX_NODE_SCORE} after normalisation). */
public record NodeScore(String name, long score) {

  /** Upstream's {@code framework.MaxNodeScore}. */
  public static final long MAX_NODE_SCORE = 100;
  public static final long MIN_NODE_SCORE = 0;
}
