package io.kube4j.scheduler.plugins.defaultpreemption;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.scheduler.events.EventRecorder;
import io.kube4j.scheduler.framework.Handle;
import io.kube4j.scheduler.framework.Status;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The API side of preemption (upstream's {@code prepareCandidate}): each victim first gets the
 * {@code DisruptionTarget} condition (reason {@code PreemptionByScheduler}), so whoever looks at it
 * while it terminates knows why, then is deleted with its normal grace period, and a {@code Preempted}
 * event is recorded on it.
 */
class VictimDeleter {

  static final String DISRUPTION_TARGET = "DisruptionTarget";
  static final String PREEMPTION_BY_SCHEDULER = "PreemptionByScheduler";

  private final Handle handle;

  VictimDeleter(Handle handle) {
    this.handle = handle;
  }

  Status prepareCandidate(Candidate c, Pod preemptor) {
    String schedulerName = preemptor.getSpec().getSchedulerName() == null ? "default-scheduler"
        : preemptor.getSpec().getSchedulerName();
    for (Pod victim : c.victims()) {
      try {
        markDisruptionTarget(victim, schedulerName + ": preempting to accommodate a higher priority pod");
        handle.client().pods().inNamespace(victim.getMetadata().getNamespace()).withName(victim.getMetadata().getName())
            .delete();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          return Status.error("preempting " + victim.getMetadata().getName() + ": " + e.getMessage());
        }
      }
      handle.eventRecorder().eventf(victim, EventRecorder.NORMAL, "Preempted", "Preempting",
          "Preempted by pod " + preemptor.getMetadata().getUid() + " on node " + c.name());
    }
    return Status.success();
  }

  /** PUT on {@code pods/status} of a copy (the informer's object is never mutated). */
  private void markDisruptionTarget(Pod victim, String message) {
    Pod fresh = handle.client().pods().inNamespace(victim.getMetadata().getNamespace())
        .withName(victim.getMetadata().getName()).get();
    if (fresh == null) {
      return;
    }
    List<PodCondition> conditions = new ArrayList<>();
    if (fresh.getStatus() != null && fresh.getStatus().getConditions() != null) {
      fresh.getStatus().getConditions().stream().filter(x -> !DISRUPTION_TARGET.equals(x.getType()))
          .forEach(conditions::add);
    }
    conditions.add(new PodConditionBuilder().withType(DISRUPTION_TARGET).withStatus("True")
        .withReason(PREEMPTION_BY_SCHEDULER).withMessage(message)
        .withLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).build());
    Pod updated = new PodBuilder(fresh).editOrNewStatus().withConditions(conditions).endStatus().build();
    handle.client().pods().inNamespace(victim.getMetadata().getNamespace()).resource(updated).subresource("status")
        .update();
  }

  /** Terminating because the scheduler preempted it ({@code podTerminatingByPreemption}). */
  static boolean terminatingByPreemption(Pod p) {
    if (p.getMetadata().getDeletionTimestamp() == null || p.getStatus() == null || p.getStatus().getConditions() == null) {
      return false;
    }
    return p.getStatus().getConditions().stream().filter(c -> DISRUPTION_TARGET.equals(c.getType())).findFirst()
        .map(c -> "True".equals(c.getStatus()) && PREEMPTION_BY_SCHEDULER.equals(c.getReason())).orElse(false);
  }
}
