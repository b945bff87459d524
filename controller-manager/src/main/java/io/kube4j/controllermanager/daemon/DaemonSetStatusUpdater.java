package io.kube4j.controllermanager.daemon;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllermanager.controller.DeepCopy;
import io.kube4j.controllermanager.controller.PodStatuses;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code updateDaemonSetStatus} and {@code storeDaemonSetStatus}: counts nodes and pods into the
 * status {@code kubectl get ds} and {@code kubectl rollout status ds} read, and writes it (PUT on
 * {@code daemonsets/status}) only when a number changed.
 */
final class DaemonSetStatusUpdater {

  /** {@code StatusUpdateRetries}. */
  static final int STATUS_UPDATE_RETRIES = 1;

  private final KubernetesClient client;

  DaemonSetStatusUpdater(KubernetesClient client) {
    this.client = client;
  }

  /**
   * The counts over the nodes that should run the daemon (desired) and those that run it though
   * they should not (misscheduled). A node's pod for ready/available/updated is its oldest one.
   */
  static DaemonSetStatus compute(DaemonSet ds, List<Node> nodes, Map<String, List<Pod>> nodeToDaemonPods, String hash,
      Instant now) {
    int desired = 0;
    int current = 0;
    int misscheduled = 0;
    int ready = 0;
    int available = 0;
    int updated = 0;
    for (Node node : nodes) {
      boolean shouldRun = NodeEligibility.nodeShouldRunDaemonPod(node, ds).shouldRun();
      List<Pod> pods = nodeToDaemonPods.getOrDefault(node.getMetadata().getName(), List.of());
      boolean scheduled = !pods.isEmpty();
      if (!shouldRun) {
        misscheduled += scheduled ? 1 : 0;
        continue;
      }
      desired++;
      if (!scheduled) {
        continue;
      }
      current++;
      List<Pod> sorted = new ArrayList<>(pods);
      sorted.sort(DaemonSetSync.BY_CREATION_TIMESTAMP_AND_PHASE);
      Pod pod = sorted.get(0);
      if (PodStatuses.isReady(pod)) {
        ready++;
        if (PodStatuses.isAvailable(pod, DaemonSetSync.minReadySeconds(ds), now)) {
          available++;
        }
      }
      if (DaemonPods.isPodUpdated(pod, hash, DaemonPods.templateGeneration(ds))) {
        updated++;
      }
    }
    DaemonSetStatus s = new DaemonSetStatus();
    s.setDesiredNumberScheduled(desired);
    s.setCurrentNumberScheduled(current);
    s.setNumberMisscheduled(misscheduled);
    s.setNumberReady(ready);
    s.setNumberAvailable(available);
    s.setNumberUnavailable(desired - available);
    s.setUpdatedNumberScheduled(updated);
    return s;
  }

  /**
   * {@code storeDaemonSetStatus}: {@code observedGeneration} is raised only when the controller acted
   * on this generation ({@code updateObservedGeneration}); on a conflict the DaemonSet is read again
   * and the write retried once, then the sync fails and is retried with backoff.
   */
  void store(DaemonSet ds, DaemonSetStatus counts, boolean updateObservedGeneration) {
    DaemonSetStatus s = ds.getStatus() == null ? new DaemonSetStatus() : ds.getStatus();
    long generation = ds.getMetadata().getGeneration() == null ? 0 : ds.getMetadata().getGeneration();
    long observed = s.getObservedGeneration() == null ? 0 : s.getObservedGeneration();
    if (sameCounts(s, counts) && observed >= generation) {
      return;
    }
    DaemonSet toUpdate = DeepCopy.of(ds);
    for (int i = 0; ; i++) {
      DaemonSetStatus target = toUpdate.getStatus() == null ? new DaemonSetStatus() : toUpdate.getStatus();
      if (updateObservedGeneration) {
        target.setObservedGeneration(generation);
      }
      target.setDesiredNumberScheduled(counts.getDesiredNumberScheduled());
      target.setCurrentNumberScheduled(counts.getCurrentNumberScheduled());
      target.setNumberMisscheduled(counts.getNumberMisscheduled());
      target.setNumberReady(counts.getNumberReady());
      target.setNumberAvailable(counts.getNumberAvailable());
      target.setNumberUnavailable(counts.getNumberUnavailable());
      target.setUpdatedNumberScheduled(counts.getUpdatedNumberScheduled());
      toUpdate.setStatus(target);
      try {
        client.apps().daemonSets().inNamespace(ds.getMetadata().getNamespace()).resource(toUpdate).updateStatus();
        return;
      } catch (KubernetesClientException e) {
        if (i >= STATUS_UPDATE_RETRIES) {
          throw e;
        }
        toUpdate = client.apps().daemonSets().inNamespace(ds.getMetadata().getNamespace())
            .withName(ds.getMetadata().getName()).get();
        if (toUpdate == null) {
          throw e;
        }
      }
    }
  }

  private static boolean sameCounts(DaemonSetStatus a, DaemonSetStatus b) {
    return Objects.equals(nz(a.getDesiredNumberScheduled()), nz(b.getDesiredNumberScheduled()))
        && Objects.equals(nz(a.getCurrentNumberScheduled()), nz(b.getCurrentNumberScheduled()))
        && Objects.equals(nz(a.getNumberMisscheduled()), nz(b.getNumberMisscheduled()))
        && Objects.equals(nz(a.getNumberReady()), nz(b.getNumberReady()))
        && Objects.equals(nz(a.getUpdatedNumberScheduled()), nz(b.getUpdatedNumberScheduled()))
        && Objects.equals(nz(a.getNumberAvailable()), nz(b.getNumberAvailable()))
        && Objects.equals(nz(a.getNumberUnavailable()), nz(b.getNumberUnavailable()));
  }

  private static int nz(Integer i) {
    return i == null ? 0 : i;
  }
}
