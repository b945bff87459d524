package io.kube4j.controllermanager.endpointslice.util;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes {@code endpoints.kubernetes.io/last-change-trigger-time} ({@code TriggerTimeTracker}
 * upstream): when the change that this write of the Endpoints (or EndpointSlices) reflects happened,
 * so that kube-proxy can measure network programming latency. The trigger times are the Service's
 * creation and each pod's last Ready transition; the annotation carries the earliest of those that
 * changed since the previous sync of the Service, or the Service's creation on its first sync.
 *
 * <p>Like upstream's, it can be wrong when one object changes twice between two syncs; that is
 * accepted. Called concurrently only for different Services (the workqueue never hands one key to
 * two workers), so a concurrent map of per-Service states suffices.
 */
public final class TriggerTimeTracker {

  /** What the previous sync of one Service saw. */
  private record ServiceState(Instant serviceTriggerTime, Map<String, Instant> podTriggerTimes) {}

  private final Map<String, ServiceState> states = new ConcurrentHashMap<>();

  /**
   * Updates the Service's state and returns the time to publish; empty means the annotation should
   * be removed (nothing that triggers changed).
   */
  public Optional<Instant> compute(Service service, Iterable<Pod> pods) {
    String key = service.getMetadata().getNamespace() + "/" + service.getMetadata().getName();
    ServiceState previous = states.get(key);
    Map<String, Instant> podTimes = new HashMap<>();
    Instant minChanged = null;
    for (Pod pod : pods) {
      Optional<Instant> t = PodEndpoints.readyCondition(pod).flatMap(c -> parse(c.getLastTransitionTime()));
      if (t.isEmpty()) {
        continue;
      }
      podTimes.put(pod.getMetadata().getName(), t.get());
      Instant before = previous == null ? null : previous.podTriggerTimes().get(pod.getMetadata().getName());
      if (before == null || t.get().isAfter(before)) {
        minChanged = min(minChanged, t.get());
      }
    }
    Optional<Instant> created = parse(service.getMetadata().getCreationTimestamp());
    Instant serviceTime = created.orElse(Instant.EPOCH);
    if (previous == null || serviceTime.isAfter(previous.serviceTriggerTime())) {
      minChanged = min(minChanged, serviceTime);
    }
    states.put(key, new ServiceState(serviceTime, podTimes));
    if (previous == null) {
      return created;
    }
    return Optional.ofNullable(minChanged);
  }

  /** Forgets a deleted Service. */
  public void deleteService(String namespace, String name) {
    states.remove(namespace + "/" + name);
  }

  /** Go's {@code time.RFC3339Nano} in UTC: fractional seconds only as far as they are not zero. */
  public static String format(Instant t) {
    String s = t.toString();
    if (s.contains(".")) {
      s = s.substring(0, s.length() - 1).replaceAll("0+$", "") + "Z";
    }
    return s;
  }

  private static Optional<Instant> parse(String timestamp) {
    if (timestamp == null || timestamp.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(timestamp));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Instant min(Instant current, Instant candidate) {
    return current == null || candidate.isBefore(current) ? candidate : current;
  }
}
