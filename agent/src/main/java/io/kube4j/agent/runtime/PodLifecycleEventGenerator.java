package io.kube4j.agent.runtime;

import java.util.function.Consumer;

/**
 * {@code pleg.PodLifecycleEventGenerator}: tells the agent when a container changed state on its own
 * (exited, finished a back-off). Upstream's generic PLEG relists the runtime every second; the
 * simulated runtime knows its own timers and reports at once.
 */
public interface PodLifecycleEventGenerator {

  /** Sends every later event to {@code handler} (on a runtime thread; the handler must not block). */
  void watch(Consumer<PodLifecycleEvent> handler);
}
