package io.kube4j.scheduler.queue;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;

/**
 * A pod in the queue with its bookkeeping, as upstream's {@code QueuedPodInfo}.
 *
 * @param timestamp when it last entered the queue; orders pods of equal priority
 * @param attempts scheduling attempts so far; sets the backoff
 * @param initialAttemptTimestamp when it was first popped, for the e2e scheduling latency
 * @param unschedulablePlugins plugins that rejected it on its last attempt
 */
public record QueuedPodInfo(Pod pod, Instant timestamp, int attempts, Instant initialAttemptTimestamp,
    java.util.Set<String> unschedulablePlugins) {

  public QueuedPodInfo {
    unschedulablePlugins = java.util.Set.copyOf(unschedulablePlugins);
  }

  public String key() {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }

  public int priority() {
    Integer p = pod.getSpec().getPriority();
    return p == null ? 0 : p;
  }

  QueuedPodInfo withPod(Pod p) {
    return new QueuedPodInfo(p, timestamp, attempts, initialAttemptTimestamp, unschedulablePlugins);
  }

  QueuedPodInfo withTimestamp(Instant t) {
    return new QueuedPodInfo(pod, t, attempts, initialAttemptTimestamp, unschedulablePlugins);
  }

  public QueuedPodInfo withUnschedulablePlugins(java.util.Set<String> plugins) {
    return new QueuedPodInfo(pod, timestamp, attempts, initialAttemptTimestamp, plugins);
  }
}
