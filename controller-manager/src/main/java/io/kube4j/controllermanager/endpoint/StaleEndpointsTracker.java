package io.kube4j.controllermanager.endpoint;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.kube4j.controllermanager.controller.Keys;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resourceVersion each Endpoints had before this controller last updated it
 * ({@code staleEndpointsTracker} upstream). While the informer cache still shows that version, it has
 * not seen the update yet: comparing against it could wrongly conclude that nothing needs writing
 * (say, a pod turned not ready then ready again before the first write reached the cache), so the
 * Service is retried until the cache catches up.
 */
final class StaleEndpointsTracker {

  private final Map<String, String> staleResourceVersions = new ConcurrentHashMap<>();

  /** Remembers {@code replaced}'s version as outdated: this controller has just updated it. */
  void stale(Endpoints replaced) {
    staleResourceVersions.put(Keys.of(replaced), replaced.getMetadata().getResourceVersion());
  }

  boolean isStale(Endpoints cached) {
    return Objects.equals(staleResourceVersions.get(Keys.of(cached)), cached.getMetadata().getResourceVersion());
  }

  void delete(String key) {
    staleResourceVersions.remove(key);
  }
}
