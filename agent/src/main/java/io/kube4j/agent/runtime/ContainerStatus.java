package io.kube4j.agent.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * One container's latest run as the runtime reports it ({@code kubecontainer.Status}).
 *
 * @param id {@code <runtime>://<id>}, the API's {@code containerID}
 * @param name the container's name in the pod spec
 * @param state created, running or exited
 * @param createdAt when this run was created
 * @param startedAt when it started, if it did
 * @param finishedAt when it exited, if it did
 * @param exitCode the exit code once exited
 * @param reason why it exited ({@code Completed}, {@code Error}, {@code OOMKilled}) or, while it
 *     waits to be restarted, {@code CrashLoopBackOff}
 * @param message a human-readable detail, may be empty
 * @param image the image as the spec names it
 * @param imageId the image's digest reference, the API's {@code imageID}
 * @param restartCount how many times the agent restarted this container
 * @param waitingUntil set while the container waits out a restart back-off
 */
public record ContainerStatus(String id, String name, ContainerState state, Instant createdAt,
    Optional<Instant> startedAt, Optional<Instant> finishedAt, int exitCode, String reason, String message,
    String image, String imageId, int restartCount, Optional<Instant> waitingUntil) {

  public ContainerStatus {
    reason = reason == null ? "" : reason;
    message = message == null ? "" : message;
  }
}
