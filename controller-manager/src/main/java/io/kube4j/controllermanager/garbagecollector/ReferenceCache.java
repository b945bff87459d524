package io.kube4j.controllermanager.garbagecollector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Owners known not to exist ({@code ReferenceCache}, upstream's {@code absentOwnerCache}): when an
 * owner with 10,000 dependents is deleted, the first dependent's GET of the owner answers for the
 * other 9,999. Least recently used entries go first once {@code capacity} is reached; the key carries
 * the namespace the owner was looked for in (empty for a cluster-scoped owner).
 */
final class ReferenceCache {

  /** Upstream's size for the absent owner cache. */
  static final int DEFAULT_CAPACITY = 500;

  private final Map<ObjectReference, Boolean> cache;

  ReferenceCache(int capacity) {
    this.cache = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<ObjectReference, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized void add(ObjectReference ref) {
    cache.put(ref, Boolean.TRUE);
  }

  /** Whether {@code ref} is known to be absent; counts as a use. */
  synchronized boolean has(ObjectReference ref) {
    return cache.get(ref) != null;
  }
}
