package io.kube4j.scheduler.queue;

/**
 * A change in the cluster that may make an unschedulable pod schedulable (upstream's
 * {@code framework.ClusterEvent}); its label names the {@code event} of
 * {@code scheduler_queue_incoming_pods_total}.
 */
public enum ClusterEvent {
  NODE_ADD("NodeAdd"),
  NODE_UPDATE("NodeUpdate"),
  ASSIGNED_POD_ADD("AssignedPodAdd"),
  ASSIGNED_POD_DELETE("AssignedPodDelete"),
  UNSCHEDULABLE_TIMEOUT("UnschedulableTimeout"),
  POD_UPDATE("UnschedulablePodUpdate");

  private final String label;

  ClusterEvent(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
