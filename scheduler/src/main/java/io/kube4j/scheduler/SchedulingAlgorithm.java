package io.kube4j.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.cache.Snapshot;
import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.Diagnosis;
import io.kube4j.scheduler.framework.FitError;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.NodeScore;
import io.kube4j.scheduler.framework.PreFilterResult;
import io.kube4j.scheduler.framework.ScorePlugin;
import io.kube4j.scheduler.framework.Status;
import io.kube4j.scheduler.framework.runtime.Framework;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Finding a node for one pod, as {@code schedulePod} in upstream's {@code schedule_one.go}:
 * PreFilter, then Filter over the nodes in parallel (stopping once enough feasible nodes are found,
 * see {@link #numFeasibleNodesToFind}), then PreScore and Score over the feasible ones, then the node
 * with the highest total (ties broken at random).
 */
public final class SchedulingAlgorithm {

  /** Upstream's {@code minFeasibleNodesToFind}: below this many nodes all are evaluated. */
  static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
  /** Upstream's {@code minFeasibleNodesPercentageToFind}. */
  static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
  /** Upstream's {@code DefaultPercentageOfNodesToScore} (the base of the adaptive percentage). */
  static final int DEFAULT_PERCENTAGE_OF_NODES_TO_SCORE = 50;
  /** Upstream's {@code parallelism} default: 16 goroutines filter and score. */
  static final int PARALLELISM = 16;

  private final ForkJoinPool pool = new ForkJoinPool(PARALLELISM);
  private final Random random = new Random();
  /** Where the next cycle starts looking, so that with a partial search every node gets its turn. */
  private int nextStartNodeIndex;

  /**
   * How many feasible nodes to look for before scoring. Worked examples with the adaptive default
   * ({@code percentageOfNodesToScore} 0): 50 nodes → all 50; 1,000 nodes → {@code 50 - 1000/125 = 42%}
   * → 420; 5,000 nodes → {@code 50 - 40 = 10%} → 500; 10,000 nodes → 5% (the floor) → 500.
   * Never fewer than 100.
   */
  static int numFeasibleNodesToFind(int percentageOfNodesToScore, int numAllNodes) {
    if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) {
      return numAllNodes;
    }
    int percentage = percentageOfNodesToScore;
    if (percentage <= 0) {
      percentage = DEFAULT_PERCENTAGE_OF_NODES_TO_SCORE - numAllNodes / 125;
      if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) {
        percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
      }
    }
    if (percentage >= 100) {
      return numAllNodes;
    }
    int numNodes = (int) ((long) numAllNodes * percentage / 100);
    return Math.max(numNodes, MIN_FEASIBLE_NODES_TO_FIND);
  }

  /** @throws FitError when no node fits; {@link IllegalStateException} on a plugin error */
  public ScheduleResult schedulePod(Framework fwk, CycleState state, Pod pod, Snapshot snapshot) throws FitError {
    if (snapshot.numNodes() == 0) {
      throw new FitError(0, new Diagnosis(Map.of(), "", ""));
    }
    Filtered filtered = findNodesThatFitPod(fwk, state, pod, snapshot);
    List<NodeInfo> feasible = filtered.feasible();
    if (feasible.size() == 1) {
      return new ScheduleResult(feasible.get(0).name(), filtered.evaluated(), 1);
    }
    List<NodeScore> priorityList = prioritizeNodes(fwk, state, pod, feasible);
    return new ScheduleResult(selectHost(priorityList), filtered.evaluated(), feasible.size());
  }

  /** The nodes that passed the filters, and how many nodes were looked at to find them. */
  private record Filtered(List<NodeInfo> feasible, int evaluated) {}

  private Filtered findNodesThatFitPod(Framework fwk, CycleState state, Pod pod, Snapshot snapshot)
      throws FitError {
    List<NodeInfo> all = snapshot.nodeInfoList();
    PreFilterResult pre = fwk.runPreFilterPlugins(state, pod);
    if (!pre.status().isSuccess()) {
      if (pre.status().code() == Code.ERROR) {
        throw new IllegalStateException("running PreFilter plugin " + pre.status().plugin() + ": " + pre.status().message());
      }
      throw new FitError(all.size(), new Diagnosis(Map.of(), pre.status().message(), ""));
    }
    List<NodeInfo> candidates = all;
    if (pre.nodeNames().isPresent()) {
      candidates = all.stream().filter(n -> pre.nodeNames().get().contains(n.name())).toList();
    }
    Map<String, Status> rejected = new ConcurrentHashMap<>();
    Filtered filtered = findNodesThatPassFilters(fwk, state, pod, candidates, rejected);
    if (filtered.feasible().isEmpty()) {
      throw new FitError(all.size(), new Diagnosis(rejected, "", ""));
    }
    return filtered;
  }

  /**
   * Filters nodes in parallel starting at {@link #nextStartNodeIndex}, until
   * {@link #numFeasibleNodesToFind} have passed. An error from a filter fails the whole cycle.
   */
  private Filtered findNodesThatPassFilters(Framework fwk, CycleState state, Pod pod, List<NodeInfo> nodes,
      Map<String, Status> rejected) {
    int n = nodes.size();
    int toFind = numFeasibleNodesToFind(fwk.profile().percentageOfNodesToScore(), n);
    NodeInfo[] found = new NodeInfo[n];
    AtomicInteger feasibleCount = new AtomicInteger();
    AtomicInteger processed = new AtomicInteger();
    Map<String, Status> errors = new ConcurrentHashMap<>();
    int start = n == 0 ? 0 : nextStartNodeIndex % n;
    Runnable work = () -> IntStream.range(0, n).parallel().forEach(i -> {
      if (feasibleCount.get() >= toFind) {
        return;
      }
      NodeInfo node = nodes.get((start + i) % n);
      processed.incrementAndGet();
      Status s = fwk.runFilterPlugins(state, pod, node);
      if (s.isSuccess()) {
        int slot = feasibleCount.getAndIncrement();
        if (slot < toFind) {
          found[i] = node;
        }
      } else if (s.code() == Code.ERROR) {
        errors.put(node.name(), s);
      } else {
        rejected.put(node.name(), s);
      }
    });
    try {
      pool.submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while filtering", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("filtering: " + e.getCause(), e.getCause());
    }
    if (!errors.isEmpty()) {
      var first = errors.entrySet().iterator().next();
      throw new IllegalStateException("running \"" + first.getValue().plugin() + "\" filter plugin: "
          + first.getValue().message());
    }
    int evaluated = processed.get();
    nextStartNodeIndex = n == 0 ? 0 : (start + evaluated) % n;
    List<NodeInfo> out = new ArrayList<>();
    for (NodeInfo f : found) {
      if (f != null) {
        out.add(f);
      }
    }
    return new Filtered(out, evaluated);
  }

  /** Total weighted score per feasible node; every node scores 1 when the profile has no Score plugin. */
  private List<NodeScore> prioritizeNodes(Framework fwk, CycleState state, Pod pod, List<NodeInfo> nodes) {
    if (!fwk.hasScorePlugins()) {
      return nodes.stream().map(n -> new NodeScore(n.name(), 1)).toList();
    }
    List<ScorePlugin> plugins = fwk.runPreScorePlugins(state, pod, nodes);
    Map<String, List<NodeScore>> perPlugin;
    try {
      perPlugin = pool.submit(() -> fwk.runScorePlugins(state, pod, nodes, plugins)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scoring", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("scoring: " + e.getCause(), e.getCause());
    }
    Map<String, Long> totals = new HashMap<>();
    nodes.forEach(n -> totals.put(n.name(), 0L));
    perPlugin.values().forEach(list -> list.forEach(s -> totals.merge(s.name(), s.score(), Long::sum)));
    return nodes.stream().map(n -> new NodeScore(n.name(), totals.get(n.name()))).toList();
  }

  /** The highest score; among equals each is equally likely (upstream's reservoir sampling). */
  String selectHost(List<NodeScore> scores) {
    String best = null;
    long max = Long.MIN_VALUE;
    int ties = 0;
    for (NodeScore s : scores) {
      if (s.score() > max) {
        max = s.score();
        best = s.name();
        ties = 1;
      } else if (s.score() == max) {
        ties++;
        if (random.nextInt(ties) == 0) {
          best = s.name();
        }
      }
    }
    return best;
  }

  public void close() {
    pool.shutdownNow();
  }
}
