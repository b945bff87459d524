package io.kube4j.scheduler.plugins.podtopologyspread;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What PreScore computes for Score (upstream's {@code preScoreState}): the soft constraints, the
 * feasible nodes lacking a topology key (scored 0), per constraint the matching pods in each domain
 * that holds a feasible node (hostname domains are counted per node in Score), and per constraint
 * the weight {@code ln(number of domains + 2)}, so that a skew among few large domains weighs no
 * less than one among many small ones. Immutable once written.
 */
record PreScoreState(List<TopologySpreadConstraint> constraints, Set<String> ignoredNodes,
    List<Map<String, Long>> topologyValueToPodCounts, double[] topologyNormalizingWeight) {}
