package io.kube4j.agent.runtime;

/**
 * A change the runtime saw in a pod ({@code pleg.PodLifecycleEvent}): the pod's worker syncs it
 * again so that the API status follows, without waiting for the periodic resync.
 *
 * @param podUid the pod
 * @param type what happened
 * @param containerName the container concerned
 */
public record PodLifecycleEvent(String podUid, Type type, String containerName) {

  /** {@code pleg.PodLifeCycleEventType}. */
  public enum Type { CONTAINER_STARTED, CONTAINER_DIED, CONTAINER_CHANGED }
}
