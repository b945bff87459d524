package io.kube4j.scheduler.framework;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What plugins compute once per scheduling cycle and read later in the same cycle (a PreFilter's
 * pod request read by every Filter call, a PreScore's preferred terms read by every Score call).
 * Thread-safe: Filter and Score run across nodes in parallel. Keys are plugin-chosen, conventionally
 * {@code "PreFilter" + pluginName}, as upstream's.
 */
public final class CycleState {

  private final Map<String, Object> data = new ConcurrentHashMap<>();

  public void write(String key, Object value) {
    data.put(key, value);
  }

  public <T> Optional<T> read(String key, Class<T> type) {
    return Optional.ofNullable(data.get(key)).map(type::cast);
  }

  /** Reads state a plugin's earlier extension point must have written; its absence is a bug. */
  public <T> T require(String key, Class<T> type) {
    return read(key, type).orElseThrow(() -> new IllegalStateException("error reading \"" + key
        + "\" from cycleState: not found"));
  }
}
