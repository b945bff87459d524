package io.kube4j.agent.runtime.simulated;

import java.time.Duration;

/**
 * The wait before an exited container is restarted: kubelet's 10 s, doubled after each restart,
 * capped at 5 minutes. Example with the defaults: restarts 0, 1, 2, 3 wait 10 s, 20 s, 40 s, 80 s;
 * from the sixth on, 300 s. Tests shrink {@code initial}.
 *
 * @param initial the first wait
 * @param max the longest wait
 */
public record CrashLoopBackOff(Duration initial, Duration max) {

  public static final CrashLoopBackOff KUBELET = new CrashLoopBackOff(Duration.ofSeconds(10), Duration.ofMinutes(5));

  /** The wait before the restart that follows {@code restartCount} earlier restarts. */
  public Duration delay(int restartCount) {
    Duration d = initial;
    for (int i = 0; i < restartCount && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) > 0 ? max : d;
  }
}
