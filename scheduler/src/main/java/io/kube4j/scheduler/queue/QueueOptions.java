package io.kube4j.scheduler.queue;

import java.time.Duration;

/**
 * The queue's timings: {@code podInitialBackoffSeconds} (1 s) and {@code podMaxBackoffSeconds} (10 s)
 * from KubeSchedulerConfiguration; how long a pod may stay in unschedulablePods before the periodic
 * flush moves it back (60 s here; upstream's {@code podMaxInUnschedulablePodsDuration} is 5 min).
 */
public record QueueOptions(Duration podInitialBackoff, Duration podMaxBackoff, Duration podMaxInUnschedulablePods) {

  public static final QueueOptions DEFAULT = new QueueOptions(Duration.ofSeconds(1), Duration.ofSeconds(10),
      Duration.ofSeconds(60));
}
