package io.kube4j.agent.events;

import io.fabric8.kubernetes.api.model.Pod;

/** Records an Event about a pod or one of its containers; never blocks the caller on the API. */
public interface EventRecorder {

  /** Records nothing: for tests and runtimes that report elsewhere. */
  EventRecorder NONE = (pod, fieldPath, type, reason, message) -> { };

  /**
   * @param fieldPath the container the event is about ({@code spec.containers{web}}), or empty for the pod
   * @param type {@code Normal} or {@code Warning}
   */
  void event(Pod pod, String fieldPath, String type, String reason, String message);
}
