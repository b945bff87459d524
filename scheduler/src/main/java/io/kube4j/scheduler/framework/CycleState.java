package io.kube4j.scheduler.framework;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What plugins compute once per scheduling cycle and read later in the same cycle (a PreFilter's
 * pod request read by every Filter call, a PreScore's preferred terms read by every Score call).
 * Thread-safe: Filter and Score run across nodes in parallel. Keys are plugin-chosen, conventionally
 * {@code "PreFilter" + pluginName}, as upstream's.
 *
 * <p>Preemption tries "what if these pods were gone" on each candidate node with its own
 * {@link #copy()}; state a PreFilterExtensions {@code addPod}/{@code removePod} mutates must
 * therefore be {@link StateData} and copy itself, while immutable values are shared.
 */
public final class CycleState {

  /** Mutable state that must be copied along with the CycleState (upstream's {@code StateData.Clone}). */
  public interface StateData {
    StateData copy();
  }

  private final Map<String, Object> data = new ConcurrentHashMap<>();
  /** Plugins whose PreFilter returned SKIP: their Filter is not run this cycle. */
  private final Set<String> skipFilterPlugins = ConcurrentHashMap.newKeySet();

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

  public void skipFilter(String plugin) {
    skipFilterPlugins.add(plugin);
  }

  public boolean isFilterSkipped(String plugin) {
    return skipFilterPlugins.contains(plugin);
  }

  public CycleState copy() {
    CycleState c = new CycleState();
    data.forEach((k, v) -> c.data.put(k, v instanceof StateData s ? s.copy() : v));
    c.skipFilterPlugins.addAll(skipFilterPlugins);
    return c;
  }
}
