package io.kube4j.controllermanager.endpointslice.util;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EndpointSlice generations this controller wrote, per Service ({@code EndpointSliceTracker}
 * upstream). The informer cache lags behind the controller's own writes; reconciling from a cache
 * that does not yet show a slice just created would create it a second time. So a sync first asks
 * {@link #staleSlices}: while the cache shows an older generation than was written, misses a slice
 * that was written, or still shows one that was deleted, the Service is retried a little later.
 * Informer events are likewise filtered: an event for a generation this controller wrote itself
 * needs no sync ({@link #shouldSync}).
 *
 * <p>Guarded by {@code this}: informer threads and workers both use it.
 */
public final class EndpointSliceTracker {

  /** The generation recorded for a slice whose deletion this controller asked for. */
  private static final long DELETION_EXPECTED = -1;

  /** Service key ({@code namespace/name}) → slice UID → expected generation (or DELETION_EXPECTED). */
  private final Map<String, Map<String, Long>> generationsByService = new HashMap<>();
  /** Service key → UID of the Service those generations were written for. */
  private final Map<String, String> serviceUids = new HashMap<>();

  /** Whether a generation is tracked for the slice. */
  public synchronized boolean has(EndpointSlice slice) {
    Map<String, Long> g = generationsByService.get(serviceKey(slice));
    return g != null && g.containsKey(slice.getMetadata().getUid());
  }

  /** True unless the slice's generation is one this controller wrote (or older). */
  public synchronized boolean shouldSync(EndpointSlice slice) {
    Map<String, Long> g = generationsByService.get(serviceKey(slice));
    Long expected = g == null ? null : g.get(slice.getMetadata().getUid());
    return expected == null || generation(slice) > expected;
  }

  /**
   * Whether the cache lags behind this controller's writes for the Service. A recreated Service
   * (new UID) starts afresh: what was written for its predecessor says nothing about it.
   */
  public synchronized boolean staleSlices(Service service, List<EndpointSlice> slices) {
    String key = service.getMetadata().getNamespace() + "/" + service.getMetadata().getName();
    String uid = service.getMetadata().getUid();
    String trackedUid = serviceUids.put(key, uid);
    if (trackedUid != null && uid != null && !trackedUid.equals(uid)) {
      generationsByService.remove(key);
    }
    Map<String, Long> g = generationsByService.get(key);
    if (g == null) {
      return false;
    }
    Set<String> provided = new HashSet<>();
    for (EndpointSlice slice : slices) {
      provided.add(slice.getMetadata().getUid());
      Long expected = g.get(slice.getMetadata().getUid());
      if (expected != null && (expected == DELETION_EXPECTED || expected > generation(slice))) {
        return true;
      }
    }
    return g.entrySet().stream().anyMatch(e -> e.getValue() != DELETION_EXPECTED && !provided.contains(e.getKey()));
  }

  /** Records the generation of a slice as the API returned it after a create or update. */
  public synchronized void update(EndpointSlice slice) {
    generationsByService.computeIfAbsent(serviceKey(slice), k -> new HashMap<>())
        .put(slice.getMetadata().getUid(), generation(slice));
  }

  /** Records that this controller deleted the slice. */
  public synchronized void expectDeletion(EndpointSlice slice) {
    generationsByService.computeIfAbsent(serviceKey(slice), k -> new HashMap<>())
        .put(slice.getMetadata().getUid(), DELETION_EXPECTED);
  }

  /**
   * Forgets a deleted slice; false when its deletion was not this controller's doing (someone else
   * deleted a slice it manages: the Service needs a sync to put it back).
   */
  public synchronized boolean handleDeletion(EndpointSlice slice) {
    Map<String, Long> g = generationsByService.get(serviceKey(slice));
    if (g == null) {
      return true;
    }
    Long expected = g.remove(slice.getMetadata().getUid());
    return expected == null || expected == DELETION_EXPECTED;
  }

  public synchronized void deleteService(String namespace, String name) {
    generationsByService.remove(namespace + "/" + name);
    serviceUids.remove(namespace + "/" + name);
  }

  private static String serviceKey(EndpointSlice slice) {
    Map<String, String> labels = slice.getMetadata().getLabels();
    String service = labels == null ? "" : labels.getOrDefault(WellKnown.LABEL_SERVICE_NAME, "");
    return slice.getMetadata().getNamespace() + "/" + service;
  }

  private static long generation(EndpointSlice slice) {
    Long g = slice.getMetadata().getGeneration();
    return g == null ? 0 : g;
  }
}
