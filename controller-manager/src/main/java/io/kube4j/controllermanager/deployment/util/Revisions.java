package io.kube4j.controllermanager.deployment.util;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Revision annotations ({@code deployment_util.go}): each ReplicaSet of a Deployment records the
 * rollout it served as {@code deployment.kubernetes.io/revision}; a ReplicaSet rolled back to gets
 * the next revision and keeps its earlier ones in {@code revision-history}. {@code kubectl rollout
 * history} and {@code kubectl rollout undo} read these.
 */
public final class Revisions {

  /** {@code RevisionAnnotation}. */
  public static final String REVISION = "deployment.kubernetes.io/revision";
  /** {@code RevisionHistoryAnnotation}: earlier revisions of a ReplicaSet rolled back to, comma-separated. */
  public static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
  /**
   * {@code DesiredReplicasAnnotation}: the Deployment's replicas when the ReplicaSet was last scaled by
   * it; a Deployment whose replicas differ from an active ReplicaSet's is being scaled, not rolled.
   */
  public static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
  /** {@code MaxReplicasAnnotation}: replicas + maxSurge then; the base of proportional scaling. */
  public static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
  /** {@code apps.DeprecatedRollbackTo}: the extensions/v1beta1 rollback request, kept out of copies. */
  public static final String DEPRECATED_ROLLBACK_TO = "deprecated.deployment.rollback.to";
  /** kubectl apply's annotation, never copied to ReplicaSets. */
  public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  /** {@code maxRevHistoryLengthInChars}: the longest {@code revision-history} kept. */
  public static final int MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

  /** {@code annotationsToSkip}: Deployment annotations not copied onto its ReplicaSets. */
  public static final Set<String> ANNOTATIONS_TO_SKIP = Set.of(LAST_APPLIED, REVISION, REVISION_HISTORY,
      DESIRED_REPLICAS, MAX_REPLICAS, DEPRECATED_ROLLBACK_TO);

  private Revisions() {}

  /** {@code Revision}: 0 without the annotation; an unparsable one is an error. */
  public static long revision(HasMetadata obj) {
    Map<String, String> a = obj.getMetadata().getAnnotations();
    String v = a == null ? null : a.get(REVISION);
    return v == null ? 0 : Long.parseLong(v);
  }

  /** {@code MaxRevision}: the highest revision; ReplicaSets with an unparsable one are skipped. */
  public static long maxRevision(List<ReplicaSet> replicaSets) {
    long max = 0;
    for (ReplicaSet rs : replicaSets) {
      try {
        max = Math.max(max, revision(rs));
      } catch (NumberFormatException e) {
        // skipped, as upstream
      }
    }
    return max;
  }

  /** {@code SetDeploymentRevision}: true when the Deployment's revision annotation changed. */
  public static boolean setDeploymentRevision(Deployment d, String revision) {
    if (d.getMetadata().getAnnotations() == null) {
      d.getMetadata().setAnnotations(new HashMap<>());
    }
    return !revision.equals(d.getMetadata().getAnnotations().put(REVISION, revision));
  }

  /**
   * {@code SetNewReplicaSetAnnotations}: copies the Deployment's annotations (but those skipped) onto
   * its new ReplicaSet, raises the ReplicaSet's revision to {@code newRevision} when it is lower, and
   * then, if it had a revision (a rollback to it), appends that one to its history, dropping the
   * oldest entries beyond {@code revHistoryLimitInChars}. A ReplicaSet about to be created also gets
   * the replicas annotations. True when any annotation changed.
   *
   * <p>Worked example: a ReplicaSet at revision 1, rolled back to while the highest revision is 3:
   * revision becomes 4, revision-history "1"; rolled back to again at 6: revision 7, history "1,4".
   */
  public static boolean setNewReplicaSetAnnotations(Deployment d, ReplicaSet rs, String newRevision, boolean exists,
      int revHistoryLimitInChars) {
    boolean changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
    Map<String, String> a = rs.getMetadata().getAnnotations();
    String oldRevision = a.get(REVISION);
    long oldRev;
    long newRev;
    try {
      oldRev = oldRevision == null || oldRevision.isEmpty() ? 0 : Long.parseLong(oldRevision);
      newRev = Long.parseLong(newRevision);
    } catch (NumberFormatException e) {
      return false;
    }
    if (oldRev < newRev) {
      a.put(REVISION, newRevision);
      changed = true;
      if (oldRevision != null) {
        String history = a.getOrDefault(REVISION_HISTORY, "");
        if (history.isEmpty()) {
          a.put(REVISION_HISTORY, oldRevision);
        } else {
          List<String> old = new ArrayList<>(Arrays.asList(history.split(",", -1)));
          int totalLen = history.length() + oldRevision.length() + 1;
          int start = 0;
          while (totalLen > revHistoryLimitInChars && start < old.size()) {
            totalLen -= old.get(start).length() + 1;
            start++;
          }
          if (totalLen <= revHistoryLimitInChars) {
            List<String> kept = new ArrayList<>(old.subList(start, old.size()));
            kept.add(oldRevision);
            a.put(REVISION_HISTORY, String.join(",", kept));
          }
        }
      }
    }
    if (!exists && setReplicasAnnotations(rs, d.getSpec().getReplicas(),
        d.getSpec().getReplicas() + Fenceposts.maxSurge(d))) {
      changed = true;
    }
    return changed;
  }

  /** {@code copyDeploymentAnnotationsToReplicaSet}. */
  static boolean copyDeploymentAnnotationsToReplicaSet(Deployment d, ReplicaSet rs) {
    if (rs.getMetadata().getAnnotations() == null) {
      rs.getMetadata().setAnnotations(new HashMap<>());
    }
    boolean changed = false;
    Map<String, String> from = d.getMetadata().getAnnotations() == null ? Map.of() : d.getMetadata().getAnnotations();
    for (var e : from.entrySet()) {
      if (ANNOTATIONS_TO_SKIP.contains(e.getKey()) || e.getValue().equals(rs.getMetadata().getAnnotations().get(e.getKey()))) {
        continue;
      }
      rs.getMetadata().getAnnotations().put(e.getKey(), e.getValue());
      changed = true;
    }
    return changed;
  }

  /** {@code SetReplicasAnnotations}: true when either changed. */
  public static boolean setReplicasAnnotations(ReplicaSet rs, int desiredReplicas, int maxReplicas) {
    if (rs.getMetadata().getAnnotations() == null) {
      rs.getMetadata().setAnnotations(new HashMap<>());
    }
    Map<String, String> a = rs.getMetadata().getAnnotations();
    boolean changed = !String.valueOf(desiredReplicas).equals(a.put(DESIRED_REPLICAS, String.valueOf(desiredReplicas)));
    changed |= !String.valueOf(maxReplicas).equals(a.put(MAX_REPLICAS, String.valueOf(maxReplicas)));
    return changed;
  }

  /** {@code ReplicasAnnotationsNeedUpdate}. */
  public static boolean replicasAnnotationsNeedUpdate(ReplicaSet rs, int desiredReplicas, int maxReplicas) {
    Map<String, String> a = rs.getMetadata().getAnnotations();
    return a == null || !String.valueOf(desiredReplicas).equals(a.get(DESIRED_REPLICAS))
        || !String.valueOf(maxReplicas).equals(a.get(MAX_REPLICAS));
  }

  /** An int annotation ({@code getIntFromAnnotation}); empty when absent or not a number. */
  public static OptionalInt intAnnotation(ReplicaSet rs, String key) {
    Map<String, String> a = rs.getMetadata().getAnnotations();
    String v = a == null ? null : a.get(key);
    if (v == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(v));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
