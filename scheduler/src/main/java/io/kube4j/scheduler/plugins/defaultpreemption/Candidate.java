package io.kube4j.scheduler.plugins.defaultpreemption;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A node where preemption would work: the pods to evict there (most important first) and how many of
 * them would violate a PodDisruptionBudget (upstream's {@code candidate} and {@code extenderv1.Victims}).
 */
record Candidate(String name, List<Pod> victims, int numPdbViolations) {

  Candidate {
    victims = victims.stream().sorted(MORE_IMPORTANT_FIRST).toList();
  }

  static int priority(Pod p) {
    Integer v = p.getSpec().getPriority();
    return v == null ? 0 : v;
  }

  /** {@code status.startTime}, or now for a pod not started (as upstream's {@code GetPodStartTime}). */
  static Instant startTime(Pod p) {
    String t = p.getStatus() == null ? null : p.getStatus().getStartTime();
    return t == null || t.isEmpty() ? Instant.now() : Instant.parse(t);
  }

  /** Upstream's {@code MoreImportantPod}: higher priority, then started earlier. */
  static final Comparator<Pod> MORE_IMPORTANT_FIRST = Comparator.comparingInt(Candidate::priority).reversed()
      .thenComparing(Candidate::startTime);

  /**
   * Upstream's {@code pickOneNodeForPreemption}: each criterion in turn keeps only the best
   * candidates, until one is left:
   * <ol>
   *   <li>fewest PodDisruptionBudget violations;</li>
   *   <li>lowest priority of its most important victim;</li>
   *   <li>smallest sum of victim priorities (each shifted by 2^31 so negative priorities count);</li>
   *   <li>fewest victims;</li>
   *   <li>latest start among its most important victims (evict what has run least);</li>
   *   <li>otherwise the first.</li>
   * </ol>
   * Worked example: A evicts one pod of priority 100, B two pods of priority 10 and 20, no PDBs:
   * criterion 2 gives A -100 and B -20, so B wins although it evicts more pods.
   */
  static Candidate pickOne(List<Candidate> candidates) {
    List<ToLongFunction<Candidate>> scoreFuncs = List.of(
        c -> -c.numPdbViolations(),
        c -> -priority(c.victims().get(0)),
        c -> -c.victims().stream().mapToLong(p -> priority(p) + (long) Integer.MAX_VALUE + 1).sum(),
        c -> -c.victims().size(),
        c -> earliestStartTimeOfMostImportant(c.victims()).toEpochMilli());
    List<Candidate> all = candidates;
    for (ToLongFunction<Candidate> f : scoreFuncs) {
      long max = Long.MIN_VALUE;
      List<Candidate> selected = new ArrayList<>();
      for (Candidate c : all) {
        long score = f.applyAsLong(c);
        if (score > max) {
          max = score;
          selected.clear();
        }
        if (score == max) {
          selected.add(c);
        }
      }
      if (selected.size() == 1) {
        return selected.get(0);
      }
      all = selected;
    }
    return all.get(0);
  }

  /** {@code GetEarliestPodStartTime}: the earliest start among the highest-priority victims. */
  static Instant earliestStartTimeOfMostImportant(List<Pod> victims) {
    int maxPriority = victims.stream().mapToInt(Candidate::priority).max().orElse(0);
    return victims.stream().filter(p -> priority(p) == maxPriority).map(Candidate::startTime)
        .min(Comparator.naturalOrder()).orElse(Instant.EPOCH);
  }
}
