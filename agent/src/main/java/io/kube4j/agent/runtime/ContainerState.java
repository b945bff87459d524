package io.kube4j.agent.runtime;

/** {@code kubecontainer.State}: where a container is in its life, as CRI reports it. */
public enum ContainerState {
  CREATED, RUNNING, EXITED, UNKNOWN
}
