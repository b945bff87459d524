package io.kube4j.controllermanager.replicaset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.componentbase.labels.LabelSelectors;
import io.kube4j.controllermanager.controller.PodControl;
import io.kube4j.controllermanager.controller.PodStatuses;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A ReplicaSet's status from its pods ({@code replica_set_utils.go}: calculateStatus, updateReplicaSetStatus). */
final class ReplicaSetStatuses {

  static final String REPLICA_FAILURE = "ReplicaFailure";
  /** {@code statusUpdateRetries}: one GET and PUT again after a failed PUT. */
  static final int STATUS_UPDATE_RETRIES = 1;

  private ReplicaSetStatuses() {}

  /**
   * {@code calculateStatus}: counts over the active pods the ReplicaSet owns. Fully labeled pods carry
   * every label of the template (not only the selector's); available pods have been ready for
   * {@code minReadySeconds}. A failed create or delete sets the {@code ReplicaFailure} condition
   * (reason {@code FailedCreate} or {@code FailedDelete}, the API's message); a sync without failure
   * removes it.
   */
  static ReplicaSetStatus calculate(ReplicaSet rs, List<Pod> pods, Optional<RuntimeException> manageError, Instant now) {
    ReplicaSetStatus old = rs.getStatus() == null ? new ReplicaSetStatus() : rs.getStatus();
    Map<String, String> templateLabels = (rs.getSpec().getTemplate().getMetadata() == null ? null
        : rs.getSpec().getTemplate().getMetadata().getLabels());
    int minReadySeconds = minReadySeconds(rs);
    int fullyLabeled = 0;
    int ready = 0;
    int available = 0;
    for (Pod pod : pods) {
      if (LabelSelectors.matches(templateLabels, pod.getMetadata().getLabels())) {
        fullyLabeled++;
      }
      if (PodStatuses.isReady(pod)) {
        ready++;
        if (PodStatuses.isAvailable(pod, minReadySeconds, now)) {
          available++;
        }
      }
    }
    List<ReplicaSetCondition> conditions = old.getConditions() == null ? new ArrayList<>() : new ArrayList<>(old.getConditions());
    boolean hasFailure = conditions.stream().anyMatch(c -> REPLICA_FAILURE.equals(c.getType()));
    if (manageError.isPresent() && !hasFailure) {
      int diff = pods.size() - rs.getSpec().getReplicas();
      String reason = diff < 0 ? "FailedCreate" : diff > 0 ? "FailedDelete" : "";
      conditions.add(new ReplicaSetConditionBuilder().withType(REPLICA_FAILURE).withStatus("True").withReason(reason)
          .withMessage(message(manageError.get())).withLastTransitionTime(now.truncatedTo(ChronoUnit.SECONDS).toString())
          .build());
    } else if (manageError.isEmpty() && hasFailure) {
      conditions.removeIf(c -> REPLICA_FAILURE.equals(c.getType()));
    }
    return new ReplicaSetStatusBuilder(old).withReplicas(pods.size()).withFullyLabeledReplicas(fullyLabeled)
        .withReadyReplicas(ready).withAvailableReplicas(available).withConditions(conditions).build();
  }

  /**
   * {@code updateReplicaSetStatus}: nothing to do when counts, conditions and observedGeneration are
   * current; otherwise PUT the status with {@code observedGeneration} set to the generation acted on,
   * GETting the latest version and trying once more on failure.
   */
  static ReplicaSet update(ReplicaSets replicaSets, ReplicaSet rs, ReplicaSetStatus status) {
    ReplicaSetStatus old = rs.getStatus() == null ? new ReplicaSetStatus() : rs.getStatus();
    // an absent count reads as 0: the API may leave zero counts out
    if (n(old.getReplicas()) == n(status.getReplicas())
        && n(old.getFullyLabeledReplicas()) == n(status.getFullyLabeledReplicas())
        && n(old.getReadyReplicas()) == n(status.getReadyReplicas())
        && n(old.getAvailableReplicas()) == n(status.getAvailableReplicas())
        && Objects.equals(rs.getMetadata().getGeneration(), old.getObservedGeneration())
        && Objects.equals(emptyToNull(old.getConditions()), emptyToNull(status.getConditions()))) {
      return rs;
    }
    status.setObservedGeneration(rs.getMetadata().getGeneration());
    ReplicaSet target = rs;
    for (int i = 0; ; i++) {
      target.setStatus(status);
      try {
        return replicaSets.updateStatus(target);
      } catch (KubernetesClientException e) {
        if (i >= STATUS_UPDATE_RETRIES) {
          throw e;
        }
        target = replicaSets.fetch(rs.getMetadata().getNamespace(), rs.getMetadata().getName());
        if (target == null) {
          throw e;
        }
      }
    }
  }

  private static int n(Integer v) {
    return v == null ? 0 : v;
  }

  static int minReadySeconds(ReplicaSet rs) {
    return rs.getSpec().getMinReadySeconds() == null ? 0 : rs.getSpec().getMinReadySeconds();
  }

  private static String message(RuntimeException e) {
    return e instanceof KubernetesClientException k ? PodControl.message(k) : e.getMessage();
  }

  private static Object emptyToNull(List<?> list) {
    return list == null || list.isEmpty() ? null : list;
  }
}
