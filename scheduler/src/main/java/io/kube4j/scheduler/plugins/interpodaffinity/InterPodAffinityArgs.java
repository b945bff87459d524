package io.kube4j.scheduler.plugins.interpodaffinity;

/**
 * Upstream's {@code InterPodAffinityArgs}.
 *
 * @param hardPodAffinityWeight what an existing pod's <i>required</i> affinity term matching the
 *     incoming pod adds to the score of nodes in its domain (1-100, default 1)
 * @param ignorePreferredTermsOfExistingPods skip scoring when the incoming pod has no preferred terms
 */
public record InterPodAffinityArgs(int hardPodAffinityWeight, boolean ignorePreferredTermsOfExistingPods) {

  public static final InterPodAffinityArgs DEFAULT = new InterPodAffinityArgs(1, false);
}
