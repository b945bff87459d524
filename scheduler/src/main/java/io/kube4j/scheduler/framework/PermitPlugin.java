package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;

/** The last gate before binding: allow, reject, or (not yet supported by the runtime) wait. */
public interface PermitPlugin extends Plugin {

  Result permit(CycleState state, Pod pod, String nodeName);

  record Result(Status status, Duration timeout) {

    public static Result allow() {
      return new Result(Status.success(), Duration.ZERO);
    }
  }
}
