package io.kube4j.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.scheduler.cache.SchedulerCache;
import io.kube4j.scheduler.cache.Snapshot;
import io.kube4j.scheduler.events.EventRecorder;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FitError;
import io.kube4j.scheduler.framework.PostFilterPlugin;
import io.kube4j.scheduler.framework.Status;
import io.kube4j.scheduler.framework.runtime.Framework;
import io.kube4j.scheduler.metrics.SchedulerMetrics;
import io.kube4j.scheduler.queue.QueuedPodInfo;
import io.kube4j.scheduler.queue.SchedulingQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pod through the scheduler, as upstream's {@code schedule_one.go}. The <b>scheduling cycle</b>
 * runs on the one scheduling thread: pop, snapshot, filter and score, assume the pod on the chosen
 * node in the cache, Reserve, Permit. The <b>binding cycle</b> then runs on another thread so the next
 * pod need not wait for the API: Bind, then the {@code Scheduled} event; on failure the assumption is
 * forgotten and the pod goes back to the queue with backoff.
 */
final class ScheduleOne {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduleOne.class);

  private final SchedulingQueue queue;
  private final SchedulerCache cache;
  private final Snapshot snapshot;
  private final SchedulingAlgorithm algorithm;
  private final Map<String, Framework> profiles;
  private final KubernetesClient client;
  private final EventRecorder events;
  private final SchedulerMetrics metrics;
  private final ExecutorService binders;
  private final Clock clock;

  ScheduleOne(SchedulingQueue queue, SchedulerCache cache, Snapshot snapshot, Map<String, Framework> profiles,
      Collaborators collaborators) {
    this.queue = queue;
    this.cache = cache;
    this.snapshot = snapshot;
    this.algorithm = new SchedulingAlgorithm();
    this.profiles = profiles;
    this.client = collaborators.client();
    this.events = collaborators.events();
    this.metrics = collaborators.metrics();
    this.binders = collaborators.binders();
    this.clock = collaborators.clock();
  }

  /** What the cycle talks to besides the queue and the cache. */
  record Collaborators(KubernetesClient client, EventRecorder events, SchedulerMetrics metrics,
      ExecutorService binders, Clock clock) {}

  /** Schedules the next pod; false once the queue is closed. */
  boolean scheduleOne() throws InterruptedException {
    Optional<QueuedPodInfo> next = queue.pop();
    if (next.isEmpty()) {
      return false;
    }
    QueuedPodInfo info = next.get();
    long cycle = queue.schedulingCycle();
    Pod pod = info.pod();
    Framework fwk = profiles.get(schedulerName(pod));
    if (fwk == null || pod.getMetadata().getDeletionTimestamp() != null) {
      queue.done(info.key());
      return true;
    }
    Instant start = clock.instant();
    CycleState state = new CycleState();
    cache.updateSnapshot(snapshot);
    ScheduleResult result;
    try {
      result = algorithm.schedulePod(fwk, state, pod, snapshot);
    } catch (FitError fitError) {
      FitError err = fitError;
      Optional<String> nominated = Optional.empty();
      if (fwk.hasPostFilterPlugins()) {
        PostFilterPlugin.Result r = fwk.runPostFilterPlugins(state, pod, fitError.diagnosis().nodeToStatus());
        if (!r.status().reasons().isEmpty()) {
          err = fitError.withPostFilterMsg(r.status().message());
        }
        nominated = r.nominatedNodeName();
      }
      metrics.attempt(SchedulerMetrics.Result.UNSCHEDULABLE, Duration.between(start, clock.instant()));
      failure(info.withUnschedulablePlugins(fitError.diagnosis().unschedulablePlugins()), cycle, err.getMessage(),
          "Unschedulable", false, nominated);
      return true;
    } catch (RuntimeException e) {
      metrics.attempt(SchedulerMetrics.Result.ERROR, Duration.between(start, clock.instant()));
      LOG.error("error scheduling pod {}: {}", info.key(), e.getMessage());
      failure(info, cycle, e.getMessage(), "SchedulerError", true, Optional.empty());
      return true;
    }
    String host = result.suggestedHost();
    Pod assumed = new PodBuilder(pod).editSpec().withNodeName(host).endSpec().build();
    cache.assumePod(assumed);
    Status reserve = fwk.runReservePluginsReserve(state, assumed, host);
    Status permit = reserve.isSuccess() ? fwk.runPermitPlugins(state, assumed, host) : reserve;
    if (!permit.isSuccess()) {
      fwk.runReservePluginsUnreserve(state, assumed, host);
      cache.forgetPod(assumed);
      metrics.attempt(SchedulerMetrics.Result.ERROR, Duration.between(start, clock.instant()));
      failure(info, cycle, permit.message(), permit.isRejected() ? "Unschedulable" : "SchedulerError", !permit.isRejected(),
          Optional.empty());
      return true;
    }
    metrics.attempt(SchedulerMetrics.Result.SCHEDULED, Duration.between(start, clock.instant()));
    binders.execute(() -> bindingCycle(fwk, state, info, assumed, host, cycle));
    return true;
  }

  private void bindingCycle(Framework fwk, CycleState state, QueuedPodInfo info, Pod assumed, String host, long cycle) {
    Status bound;
    try {
      bound = fwk.runBindPlugins(state, assumed, host);
    } catch (RuntimeException e) {
      bound = Status.error(e.getMessage());
    }
    if (bound.isSuccess()) {
      queue.done(info.key());
      LOG.info("Successfully bound pod to node pod=\"{}\" node=\"{}\"", info.key(), host);
      events.eventf(assumed, EventRecorder.NORMAL, "Scheduled", "Binding",
          "Successfully assigned " + info.key() + " to " + host);
      return;
    }
    // the binding failed: the pod no longer counts on the node; it is retried after its backoff
    fwk.runReservePluginsUnreserve(state, assumed, host);
    cache.forgetPod(assumed);
    LOG.warn("binding pod {} to {} failed: {}", info.key(), host, bound.message());
    events.eventf(info.pod(), EventRecorder.WARNING, "FailedScheduling", "Scheduling",
        "Binding rejected: " + bound.message());
    // the forgotten pod's resources are free again, which may let other pods fit
    queue.moveAllToActiveOrBackoffQueue(io.kube4j.scheduler.queue.ClusterEvent.ASSIGNED_POD_DELETE);
    queue.addUnschedulableIfNotPresent(info, cycle, true);
  }

  /**
   * A cycle that placed nothing: the pod goes back to the queue (backoffQ on errors, else
   * unschedulablePods), a {@code FailedScheduling} Warning is recorded and {@code PodScheduled} is set
   * to False with the same message, as upstream's {@code handleSchedulingFailure}; preemption's
   * nominated node (or "" to clear it) goes into {@code status.nominatedNodeName} with it.
   */
  private void failure(QueuedPodInfo info, long cycle, String message, String reason, boolean error,
      Optional<String> nominated) {
    LOG.info("Unable to schedule pod; no fit; waiting pod=\"{}\" err=\"{}\"", info.key(), message);
    queue.addUnschedulableIfNotPresent(info, cycle, error);
    events.eventf(info.pod(), EventRecorder.WARNING, "FailedScheduling", "Scheduling", message);
    binders.execute(() -> updatePodScheduledCondition(info.pod(), reason, message, nominated));
  }

  /** PUT on {@code pods/status} with the resourceVersion just read; a conflict is retried once. */
  private void updatePodScheduledCondition(Pod pod, String reason, String message, Optional<String> nominated) {
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        Pod fresh = client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).get();
        if (fresh == null || (fresh.getSpec().getNodeName() != null && !fresh.getSpec().getNodeName().isEmpty())) {
          return;
        }
        List<PodCondition> conditions = new ArrayList<>();
        PodCondition previous = null;
        if (fresh.getStatus() != null && fresh.getStatus().getConditions() != null) {
          for (PodCondition c : fresh.getStatus().getConditions()) {
            if ("PodScheduled".equals(c.getType())) {
              previous = c;
            } else {
              conditions.add(c);
            }
          }
        }
        String currentNominated = fresh.getStatus() == null || fresh.getStatus().getNominatedNodeName() == null
            ? "" : fresh.getStatus().getNominatedNodeName();
        boolean nominationChanges = nominated.isPresent() && !nominated.get().equals(currentNominated);
        if (previous != null && "False".equals(previous.getStatus()) && reason.equals(previous.getReason())
            && message.equals(previous.getMessage()) && !nominationChanges) {
          return;
        }
        String transition = previous != null && "False".equals(previous.getStatus()) && previous.getLastTransitionTime() != null
            ? previous.getLastTransitionTime()
            : DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        conditions.add(new PodConditionBuilder().withType("PodScheduled").withStatus("False").withReason(reason)
            .withMessage(message).withLastTransitionTime(transition).build());
        String nominatedNodeName = nominated.orElse(currentNominated);
        Pod updated = new PodBuilder(fresh).editOrNewStatus().withConditions(conditions)
            .withNominatedNodeName(nominatedNodeName.isEmpty() ? null : nominatedNodeName).endStatus().build();
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(updated).subresource("status").update();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          LOG.warn("updating PodScheduled of {}/{}: {}", pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
              e.getMessage());
          return;
        }
      }
    }
  }

  static String schedulerName(Pod pod) {
    String name = pod.getSpec().getSchedulerName();
    return name == null || name.isEmpty() ? io.kube4j.scheduler.framework.runtime.Profile.DEFAULT_SCHEDULER_NAME : name;
  }

  void close() {
    algorithm.close();
  }
}
