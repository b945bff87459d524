package io.kube4j.controllermanager.deployment.util;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * A Deployment's ReplicaSets: which one is new (its template is the Deployment's), which are old,
 * their counts, and the orders upstream sorts them in ({@code controller_utils.go},
 * {@code deployment_util.go}).
 */
public final class DeploymentReplicaSets {

  /** {@code ReplicaSetsByCreationTimestamp}: oldest first, names breaking ties. */
  public static final Comparator<ReplicaSet> BY_CREATION_TIMESTAMP = Comparator
      .comparing((ReplicaSet rs) -> created(rs)).thenComparing(rs -> rs.getMetadata().getName());

  /** {@code ReplicaSetsBySizeOlder}: largest first; among equals, older first (scaling down). */
  public static final Comparator<ReplicaSet> BY_SIZE_OLDER = Comparator
      .comparing((ReplicaSet rs) -> rs.getSpec().getReplicas(), Comparator.reverseOrder())
      .thenComparing(BY_CREATION_TIMESTAMP);

  /** {@code ReplicaSetsBySizeNewer}: largest first; among equals, newer first (scaling up). */
  public static final Comparator<ReplicaSet> BY_SIZE_NEWER = Comparator
      .comparing((ReplicaSet rs) -> rs.getSpec().getReplicas(), Comparator.reverseOrder())
      .thenComparing(BY_CREATION_TIMESTAMP.reversed());

  /** {@code ReplicaSetsByRevision}: lowest revision first, then creation. */
  public static final Comparator<ReplicaSet> BY_REVISION = Comparator
      .comparingLong((ReplicaSet rs) -> {
        try {
          return Revisions.revision(rs);
        } catch (NumberFormatException e) {
          return 0;
        }
      }).thenComparing(BY_CREATION_TIMESTAMP);

  private DeploymentReplicaSets() {}

  /**
   * {@code FindNewReplicaSet}: the oldest ReplicaSet whose template equals the Deployment's (ignoring
   * the hash label); null if none. More than one can exist after, e.g., an upgrade that changed
   * hashing; the oldest is chosen deterministically.
   */
  public static ReplicaSet findNew(Deployment d, List<ReplicaSet> rsList) {
    return rsList.stream().sorted(BY_CREATION_TIMESTAMP)
        .filter(rs -> PodTemplateHash.equalIgnoreHash(rs.getSpec().getTemplate(), d.getSpec().getTemplate()))
        .findFirst().orElse(null);
  }

  /** {@code FindOldReplicaSets}, second result: every ReplicaSet but the new one. */
  public static List<ReplicaSet> findAllOld(Deployment d, List<ReplicaSet> rsList) {
    ReplicaSet newRS = findNew(d, rsList);
    List<ReplicaSet> old = new ArrayList<>();
    for (ReplicaSet rs : rsList) {
      if (newRS == null || !rs.getMetadata().getUid().equals(newRS.getMetadata().getUid())) {
        old.add(rs);
      }
    }
    return old;
  }

  /** {@code FilterActiveReplicaSets}: those with replicas wanted. */
  public static List<ReplicaSet> active(List<ReplicaSet> rsList) {
    return rsList.stream().filter(rs -> rs != null && rs.getSpec().getReplicas() > 0).toList();
  }

  /**
   * {@code FindActiveOrLatest}: the only active ReplicaSet; with none active, the new one (or else the
   * newest old one); null when several are active (they are scaled proportionally).
   */
  public static ReplicaSet findActiveOrLatest(ReplicaSet newRS, List<ReplicaSet> oldRSs) {
    if (newRS == null && oldRSs.isEmpty()) {
      return null;
    }
    List<ReplicaSet> newestFirst = new ArrayList<>(oldRSs);
    newestFirst.sort(BY_CREATION_TIMESTAMP.reversed());
    List<ReplicaSet> all = new ArrayList<>(newestFirst);
    all.add(newRS);
    List<ReplicaSet> active = active(all);
    return switch (active.size()) {
      case 0 -> newRS != null ? newRS : newestFirst.get(0);
      case 1 -> active.get(0);
      default -> null;
    };
  }

  /** {@code GetReplicaCountForReplicaSets}: the sum of {@code spec.replicas}. */
  public static int replicaCount(List<ReplicaSet> rsList) {
    return sum(rsList, rs -> rs.getSpec().getReplicas());
  }

  /** {@code GetActualReplicaCountForReplicaSets}: the sum of {@code status.replicas}. */
  public static int actualReplicaCount(List<ReplicaSet> rsList) {
    return sum(rsList, rs -> rs.getStatus() == null ? null : rs.getStatus().getReplicas());
  }

  public static int readyReplicaCount(List<ReplicaSet> rsList) {
    return sum(rsList, rs -> rs.getStatus() == null ? null : rs.getStatus().getReadyReplicas());
  }

  public static int availableReplicaCount(List<ReplicaSet> rsList) {
    return sum(rsList, rs -> rs.getStatus() == null ? null : rs.getStatus().getAvailableReplicas());
  }

  private static int sum(List<ReplicaSet> rsList, java.util.function.Function<ReplicaSet, Integer> field) {
    ToIntFunction<ReplicaSet> f = rs -> {
      Integer v = field.apply(rs);
      return v == null ? 0 : v;
    };
    return rsList.stream().filter(Objects::nonNull).mapToInt(f).sum();
  }

  private static Instant created(ReplicaSet rs) {
    String t = rs.getMetadata().getCreationTimestamp();
    return t == null ? Instant.EPOCH : Instant.parse(t);
  }
}
