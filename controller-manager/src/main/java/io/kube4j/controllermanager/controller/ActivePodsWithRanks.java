package io.kube4j.controllermanager.controller;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order in which a ReplicaSet deletes pods when it has too many ({@code ActivePodsWithRanks}).
 * The first rule on which two pods differ decides; earlier pods are deleted first:
 * <ol>
 *   <li>not assigned to a node before assigned;</li>
 *   <li>Pending before Unknown before Running;</li>
 *   <li>not ready before ready;</li>
 *   <li>lower {@code controller.kubernetes.io/pod-deletion-cost} before higher;</li>
 *   <li>higher rank before lower: the rank is the number of related active pods on the pod's node,
 *       so a node running several replicas gives one up first;</li>
 *   <li>both ready: ready for less time before ready for longer;</li>
 *   <li>more container restarts before fewer;</li>
 *   <li>created more recently before older.</li>
 * </ol>
 * Rules 6 and 8 compare times on a logarithmic scale ({@code LogarithmicScaleDown}, on by default):
 * ages that fall in the same power of two (in nanoseconds) count as equal and the UIDs decide, so
 * that scaling down does not always pick the very newest pods. Worked example: pods 3 s and 5 s old
 * are in different buckets (2^31..2^32 ns is 2.1..4.3 s; 5 s is above), so the 3 s pod goes first;
 * pods 5 s and 7 s old share the bucket 4.3..8.6 s and the smaller UID goes first.
 */
public final class ActivePodsWithRanks {

  /** {@code PodDeletionCost} annotation. */
  public static final String POD_DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

  private static final Map<String, Integer> PHASE_ORDINAL = Map.of("Pending", 0, "Unknown", 1, "Running", 2);

  /** A pod and its rank. */
  public record Ranked(Pod pod, int rank) {}

  private ActivePodsWithRanks() {}

  /**
   * {@code getPodsRankedByRelatedPodsOnSameNode} then sort: {@code pods} ranked by how many active
   * pods of {@code related} share their node, in deletion order.
   */
  public static List<Pod> sortForDeletion(List<Pod> pods, List<Pod> related, Instant now) {
    Map<String, Integer> onNode = new HashMap<>();
    for (Pod p : related) {
      if (PodStatuses.isActive(p)) {
        onNode.merge(nodeName(p), 1, Integer::sum);
      }
    }
    List<Ranked> ranked = new ArrayList<>();
    for (Pod p : pods) {
      ranked.add(new Ranked(p, onNode.getOrDefault(nodeName(p), 0)));
    }
    ranked.sort(order(now));
    return ranked.stream().map(Ranked::pod).toList();
  }

  /** The comparison ({@code Less}): negative when {@code a} should be deleted before {@code b}. */
  public static Comparator<Ranked> order(Instant now) {
    return (x, y) -> compare(x, y, now);
  }

  private static int compare(Ranked x, Ranked y, Instant now) {
    Pod a = x.pod();
    Pod b = y.pod();
    boolean aAssigned = !nodeName(a).isEmpty();
    boolean bAssigned = !nodeName(b).isEmpty();
    if (aAssigned != bAssigned) {
      return aAssigned ? 1 : -1;
    }
    int pa = PHASE_ORDINAL.getOrDefault(phase(a), 0);
    int pb = PHASE_ORDINAL.getOrDefault(phase(b), 0);
    if (pa != pb) {
      return Integer.compare(pa, pb);
    }
    boolean ra = PodStatuses.isReady(a);
    boolean rb = PodStatuses.isReady(b);
    if (ra != rb) {
      return ra ? 1 : -1;
    }
    int ca = deletionCost(a);
    int cb = deletionCost(b);
    if (ca != cb) {
      return Integer.compare(ca, cb);
    }
    if (x.rank() != y.rank()) {
      return Integer.compare(y.rank(), x.rank());
    }
    if (ra) {
      Optional<Instant> ta = PodStatuses.readySince(a);
      Optional<Instant> tb = PodStatuses.readySince(b);
      if (!ta.equals(tb)) {
        int byTime = newerFirst(ta, tb, now, a, b);
        if (byTime != 0) {
          return byTime;
        }
      }
    }
    int restartsA = maxContainerRestarts(a);
    int restartsB = maxContainerRestarts(b);
    if (restartsA != restartsB) {
      return Integer.compare(restartsB, restartsA);
    }
    Optional<Instant> createdA = created(a);
    Optional<Instant> createdB = created(b);
    if (!createdA.equals(createdB)) {
      return newerFirst(createdA, createdB, now, a, b);
    }
    return 0;
  }

  /**
   * {@code afterOrZero} or, with both times known, the logarithmic comparison: an empty time counts
   * as the newest; in one bucket the smaller UID comes first.
   */
  private static int newerFirst(Optional<Instant> ta, Optional<Instant> tb, Instant now, Pod a, Pod b) {
    if (ta.isEmpty() || tb.isEmpty()) {
      return ta.isEmpty() ? -1 : 1;
    }
    long diff = logRank(ta.get(), now) - logRank(tb.get(), now);
    if (diff == 0) {
      return uid(a).compareTo(uid(b));
    }
    return diff < 0 ? -1 : 1;
  }

  /** {@code floor(log2(now - t))} in nanoseconds; -1 for a time not in the past. */
  static long logRank(Instant t, Instant now) {
    long nanos = Duration.between(t, now).toNanos();
    return nanos > 0 ? 63 - Long.numberOfLeadingZeros(nanos) : -1;
  }

  /** {@code GetDeletionCostFromPodAnnotations}: 0 when absent or not an int32. */
  static int deletionCost(Pod pod) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(POD_DELETION_COST);
    if (value == null) {
      return 0;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int maxContainerRestarts(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return 0;
    }
    return pod.getStatus().getContainerStatuses().stream().map(ContainerStatus::getRestartCount)
        .filter(c -> c != null).mapToInt(Integer::intValue).max().orElse(0);
  }

  private static String nodeName(Pod pod) {
    return pod.getSpec() == null || pod.getSpec().getNodeName() == null ? "" : pod.getSpec().getNodeName();
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "" : pod.getStatus().getPhase();
  }

  private static String uid(Pod pod) {
    return pod.getMetadata().getUid() == null ? "" : pod.getMetadata().getUid();
  }

  private static Optional<Instant> created(Pod pod) {
    String t = pod.getMetadata().getCreationTimestamp();
    return t == null || t.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(t));
  }
}
