package io.kube4j.agent.cri;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * A CRI call that failed: the gRPC status code the runtime answered with, and which call it was.
 * Every failure of {@link RemoteRuntimeService} and {@link RemoteImageService} arrives as this one
 * type; callers branch on {@link #code()} (containerd answers NOT_FOUND for a removed sandbox or
 * container, DEADLINE_EXCEEDED for an ExecSync past its timeout, UNKNOWN for most runtime errors).
 */
public final class CriException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String method;
  private final Status.Code code;

  public CriException(String method, Status.Code code, String description, Throwable cause) {
    super(method + ": " + code + (description == null || description.isEmpty() ? "" : ": " + description), cause);
    this.method = method;
    this.code = code;
  }

  /** The one place a gRPC failure becomes a CRI failure. */
  static CriException from(String method, StatusRuntimeException e) {
    Status status = e.getStatus();
    return new CriException(method, status.getCode(), status.getDescription(), e);
  }

  /** The CRI method, as named in api.proto ({@code RunPodSandbox}, {@code PullImage}...). */
  public String method() {
    return method;
  }

  public Status.Code code() {
    return code;
  }

  /** The sandbox, container or image is gone: for stop and remove, the work is already done. */
  public boolean isNotFound() {
    return code == Status.Code.NOT_FOUND;
  }

  /** The deadline of the call (or, for ExecSync, the command's own timeout) passed. */
  public boolean isDeadlineExceeded() {
    return code == Status.Code.DEADLINE_EXCEEDED;
  }

  /** The runtime is not there (socket missing, containerd stopped): worth retrying later. */
  public boolean isUnavailable() {
    return code == Status.Code.UNAVAILABLE;
  }
}
