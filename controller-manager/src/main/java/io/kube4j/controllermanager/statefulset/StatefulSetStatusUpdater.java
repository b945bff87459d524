package io.kube4j.controllermanager.statefulset;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllermanager.controller.DeepCopy;
import java.util.Objects;

/**
 * Writes a StatefulSet's status ({@code updateStatefulSetStatus} and
 * {@code realStatefulSetStatusUpdater}): completes a finished rolling update first (every pod
 * updated and ready: the update revision becomes the current one, which is what
 * {@code kubectl rollout status sts} waits for), then PUTs {@code statefulsets/status} if anything
 * changed, retrying on conflict with a fresh read.
 */
final class StatefulSetStatusUpdater {

  private final KubernetesClient client;

  StatefulSetStatusUpdater(KubernetesClient client) {
    this.client = client;
  }

  void update(StatefulSet set, StatefulSetStatus status) {
    completeRollingUpdate(set, status);
    if (!inconsistent(set, status)) {
      return;
    }
    StatefulSet toUpdate = DeepCopy.of(set);
    for (int attempt = 0; ; attempt++) {
      StatefulSetStatus next = DeepCopy.of(status);
      if (toUpdate.getStatus() != null) {
        next.setConditions(toUpdate.getStatus().getConditions());
      }
      toUpdate.setStatus(next);
      try {
        client.apps().statefulSets().inNamespace(set.getMetadata().getNamespace()).resource(toUpdate).updateStatus();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 4) {
          throw e;
        }
        toUpdate = client.apps().statefulSets().inNamespace(set.getMetadata().getNamespace())
            .withName(set.getMetadata().getName()).get();
        if (toUpdate == null) {
          throw e;
        }
      }
    }
  }

  /** {@code completeRollingUpdate}. */
  static void completeRollingUpdate(StatefulSet set, StatefulSetStatus status) {
    if ("RollingUpdate".equals(set.getSpec().getUpdateStrategy().getType())
        && Objects.equals(status.getUpdatedReplicas(), status.getReplicas())
        && Objects.equals(status.getReadyReplicas(), status.getReplicas())) {
      status.setCurrentReplicas(status.getUpdatedReplicas());
      status.setCurrentRevision(status.getUpdateRevision());
    }
  }

  /** {@code inconsistentStatus}. */
  static boolean inconsistent(StatefulSet set, StatefulSetStatus s) {
    StatefulSetStatus c = set.getStatus() == null ? new StatefulSetStatus() : set.getStatus();
    return !Objects.equals(nz(c.getObservedGeneration()), nz(s.getObservedGeneration()))
        || !Objects.equals(nz(c.getReplicas()), nz(s.getReplicas()))
        || !Objects.equals(nz(c.getCurrentReplicas()), nz(s.getCurrentReplicas()))
        || !Objects.equals(nz(c.getReadyReplicas()), nz(s.getReadyReplicas()))
        || !Objects.equals(nz(c.getUpdatedReplicas()), nz(s.getUpdatedReplicas()))
        || !Objects.equals(nz(c.getAvailableReplicas()), nz(s.getAvailableReplicas()))
        || !Objects.equals(c.getCurrentRevision(), s.getCurrentRevision())
        || !Objects.equals(c.getUpdateRevision(), s.getUpdateRevision())
        || !Objects.equals(nz(c.getCollisionCount()), nz(s.getCollisionCount()));
  }

  private static long nz(Number n) {
    return n == null ? 0 : n.longValue();
  }
}
