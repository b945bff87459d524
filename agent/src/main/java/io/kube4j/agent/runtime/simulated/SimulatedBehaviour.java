package io.kube4j.agent.runtime.simulated;

import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.componentbase.flags.GoDuration;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How a pod's simulated containers behave, read from its annotations. Without annotations every
 * app container runs until the pod is deleted.
 *
 * <ul>
 *   <li>{@code kube4j.io/simulate-exit-code: "1"}: each app container exits with this code;
 *   <li>{@code kube4j.io/simulate-exit-after: "5s"}: ... this long after it started (Go duration,
 *       default {@code 0s}: at once). Alone (no exit code) it means exit code 0.
 * </ul>
 *
 * Example: {@code kubectl run crash --image=busybox --restart=Never
 * --annotations=kube4j.io/simulate-exit-code=1} ends Failed; with {@code --restart=Always} it goes
 * into CrashLoopBackOff and its restartCount grows.
 *
 * @param exitCode the code app containers exit with, if they exit
 * @param exitAfter how long each run lasts before it exits
 */
public record SimulatedBehaviour(OptionalInt exitCode, Duration exitAfter) {

  public static final String EXIT_CODE = "kube4j.io/simulate-exit-code";
  public static final String EXIT_AFTER = "kube4j.io/simulate-exit-after";

  /** The behaviour {@code pod}'s annotations ask for; malformed values are ignored (the pod just runs). */
  public static SimulatedBehaviour of(Pod pod) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    if (annotations == null) {
      return new SimulatedBehaviour(OptionalInt.empty(), Duration.ZERO);
    }
    OptionalInt code = OptionalInt.empty();
    Duration after = Duration.ZERO;
    try {
      if (annotations.containsKey(EXIT_CODE)) {
        code = OptionalInt.of(Integer.parseInt(annotations.get(EXIT_CODE).trim()));
      }
      if (annotations.containsKey(EXIT_AFTER)) {
        after = GoDuration.parse(annotations.get(EXIT_AFTER).trim());
        if (code.isEmpty()) {
          code = OptionalInt.of(0);
        }
      }
    } catch (IllegalArgumentException e) {
      return new SimulatedBehaviour(OptionalInt.empty(), Duration.ZERO);
    }
    return new SimulatedBehaviour(code, after.isNegative() ? Duration.ZERO : after);
  }
}
