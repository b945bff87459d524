package io.kube4j.controllermanager.deployment.util;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kube4j.componentbase.intstr.IntOrPercent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalInt;

/**
 * How far a rolling update may go above and below {@code spec.replicas} ({@code ResolveFenceposts},
 * {@code MaxSurge}, {@code MaxUnavailable}, {@code NewRSNewReplicas}) and how a scale during a
 * rollout is shared among the ReplicaSets ({@code GetReplicaSetProportion}).
 */
public final class Fenceposts {

  public static final String ROLLING_UPDATE = "RollingUpdate";
  public static final String RECREATE = "Recreate";

  /** Surge and unavailability resolved against the desired replicas. */
  public record Resolved(int maxSurge, int maxUnavailable) {}

  private Fenceposts() {}

  /**
   * {@code GetScaledValueFromIntOrPercent} ({@link IntOrPercent#scaled}); an unset value counts as 0
   * (the apiserver defaults both to 25%, so only a hand-built Deployment lacks one). Worked example:
   * 25% of 10 is 2.5: 3 rounded up (maxSurge), 2 rounded down (maxUnavailable).
   */
  private static int scaled(IntOrString value, int total, boolean roundUp) {
    return value == null ? 0 : IntOrPercent.scaled(value, total, roundUp);
  }

  /**
   * {@code ResolveFenceposts}: maxSurge rounds up, maxUnavailable down; if both come to 0 (possible
   * only by rounding, validation forbids both being 0), maxUnavailable becomes 1 so the rollout can
   * move even where quota leaves no room to surge. Worked example: 39%/39% of 10 → surge 4,
   * unavailable 3; 0%/0% of 0 → 0, 1.
   */
  public static Resolved resolve(IntOrString maxSurge, IntOrString maxUnavailable, int desired) {
    int surge = scaled(maxSurge, desired, true);
    int unavailable = scaled(maxUnavailable, desired, false);
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    return new Resolved(surge, unavailable);
  }

  public static boolean isRollingUpdate(Deployment d) {
    return d.getSpec().getStrategy() != null && ROLLING_UPDATE.equals(d.getSpec().getStrategy().getType());
  }

  /** {@code MaxSurge}: 0 unless RollingUpdate. */
  public static int maxSurge(Deployment d) {
    if (!isRollingUpdate(d)) {
      return 0;
    }
    var ru = d.getSpec().getStrategy().getRollingUpdate();
    return resolve(ru.getMaxSurge(), ru.getMaxUnavailable(), d.getSpec().getReplicas()).maxSurge();
  }

  /** {@code MaxUnavailable}: 0 unless RollingUpdate; never more than the replicas. */
  public static int maxUnavailable(Deployment d) {
    if (!isRollingUpdate(d) || d.getSpec().getReplicas() == 0) {
      return 0;
    }
    var ru = d.getSpec().getStrategy().getRollingUpdate();
    int unavailable = resolve(ru.getMaxSurge(), ru.getMaxUnavailable(), d.getSpec().getReplicas()).maxUnavailable();
    return Math.min(unavailable, d.getSpec().getReplicas());
  }

  /**
   * {@code NewRSNewReplicas}: how big the new ReplicaSet may be now. RollingUpdate: up to
   * replicas + maxSurge pods in all, never more than replicas in the new one. Recreate: replicas.
   * Worked example: replicas 10, maxSurge 3, old 10 and new 0 → 3; old 8, new 3 → 5.
   */
  public static int newRSNewReplicas(Deployment d, List<ReplicaSet> allRSs, ReplicaSet newRS) {
    String type = d.getSpec().getStrategy().getType();
    if (ROLLING_UPDATE.equals(type)) {
      int surge = scaled(d.getSpec().getStrategy().getRollingUpdate().getMaxSurge(),
          d.getSpec().getReplicas(), true);
      int current = DeploymentReplicaSets.replicaCount(allRSs);
      int maxTotal = d.getSpec().getReplicas() + surge;
      if (current >= maxTotal) {
        return newRS.getSpec().getReplicas();
      }
      int scaleUp = Math.min(maxTotal - current, d.getSpec().getReplicas() - newRS.getSpec().getReplicas());
      return newRS.getSpec().getReplicas() + scaleUp;
    }
    if (RECREATE.equals(type)) {
      return d.getSpec().getReplicas();
    }
    throw new IllegalArgumentException("deployment type " + type + " isn't supported");
  }

  /**
   * {@code IsSaturated}: the new ReplicaSet has, and was told by its annotation it should have, all
   * of the Deployment's replicas.
   */
  public static boolean isSaturated(Deployment d, ReplicaSet rs) {
    if (rs == null) {
      return false;
    }
    OptionalInt desired = Revisions.intAnnotation(rs, Revisions.DESIRED_REPLICAS);
    return desired.isPresent() && rs.getSpec().getReplicas().equals(d.getSpec().getReplicas())
        && desired.getAsInt() == d.getSpec().getReplicas();
  }

  /**
   * The proportional part of {@code scale}: the new size of each active ReplicaSet when the Deployment
   * is scaled during a rollout. The pods to add (or remove) to reach replicas + maxSurge are shared
   * by {@link #replicaSetProportion}, largest ReplicaSet first (newer first among equals when adding,
   * older first when removing); what rounding leaves over goes to the first. Worked example: see
   * {@link #replicaSetFraction}.
   *
   * @return ReplicaSet name to new size, in the order to scale them
   */
  public static LinkedHashMap<String, Integer> proportionalSizes(Deployment d, List<ReplicaSet> active) {
    List<ReplicaSet> sorted = new ArrayList<>(active);
    int allowedSize = d.getSpec().getReplicas() > 0 ? d.getSpec().getReplicas() + maxSurge(d) : 0;
    int toAdd = allowedSize - DeploymentReplicaSets.replicaCount(sorted);
    if (toAdd > 0) {
      sorted.sort(DeploymentReplicaSets.BY_SIZE_NEWER);
    } else if (toAdd < 0) {
      sorted.sort(DeploymentReplicaSets.BY_SIZE_OLDER);
    }
    int added = 0;
    LinkedHashMap<String, Integer> sizes = new LinkedHashMap<>();
    for (ReplicaSet rs : sorted) {
      int proportion = toAdd != 0 ? replicaSetProportion(rs, d, toAdd, added) : 0;
      sizes.put(rs.getMetadata().getName(), rs.getSpec().getReplicas() + proportion);
      added += proportion;
    }
    if (toAdd != 0 && !sorted.isEmpty()) {
      sizes.merge(sorted.get(0).getMetadata().getName(), toAdd - added, (a, b) -> Math.max(0, a + b));
    }
    return sizes;
  }

  /**
   * {@code GetReplicaSetProportion}: this ReplicaSet's share of {@code toAdd} (negative when scaling
   * down), never beyond what is left to add (or remove).
   */
  public static int replicaSetProportion(ReplicaSet rs, Deployment d, int toAdd, int added) {
    if (rs == null || rs.getSpec().getReplicas() == 0 || toAdd == 0 || toAdd == added) {
      return 0;
    }
    int fraction = replicaSetFraction(rs, d);
    int allowed = toAdd - added;
    return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
  }

  /**
   * {@code getReplicaSetFraction}: the ReplicaSet scaled by (replicas + maxSurge now) / (its
   * max-replicas annotation: replicas + maxSurge when it was last scaled), rounded half away from
   * zero, minus its size. Worked example: a Deployment of 10 (maxSurge 3, so 13) with an old
   * ReplicaSet of 8 and a new one of 5 is scaled to 20 (maxSurge 5, so 25): the old one's share is
   * round(8 × 25 / 13) − 8 = 15 − 8 = 7, the new one's round(5 × 25 / 13) − 5 = 10 − 5 = 5.
   */
  static int replicaSetFraction(ReplicaSet rs, Deployment d) {
    if (d.getSpec().getReplicas() == 0) {
      return -rs.getSpec().getReplicas();
    }
    int deploymentMaxReplicas = d.getSpec().getReplicas() + maxSurge(d);
    OptionalInt annotated = Revisions.intAnnotation(rs, Revisions.MAX_REPLICAS);
    int before;
    if (annotated.isEmpty() || annotated.getAsInt() == 0) {
      Integer statusReplicas = d.getStatus() == null ? null : d.getStatus().getReplicas();
      before = statusReplicas == null ? 0 : statusReplicas;
      if (before == 0) {
        return 0;
      }
    } else {
      before = annotated.getAsInt();
    }
    double newSize = (double) rs.getSpec().getReplicas() * deploymentMaxReplicas / before;
    return roundToInt32(newSize) - rs.getSpec().getReplicas();
  }

  /** {@code integer.RoundToInt32}: half away from zero. */
  static int roundToInt32(double a) {
    return a < 0 ? (int) (a - 0.5) : (int) (a + 0.5);
  }
}
