package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An amount of each resource the scheduler counts (upstream's {@code framework.Resource}): CPU in
 * millicores, memory and ephemeral storage in bytes, the number of pods, and every other
 * ("scalar": extended resources, hugepages) by name. Immutable.
 */
public record Resource(long milliCpu, long memory, long ephemeralStorage, long allowedPodNumber,
    Map<String, Long> scalarResources) {

  public static final String CPU = "cpu";
  public static final String MEMORY = "memory";
  public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
  public static final String PODS = "pods";
  public static final Resource ZERO = new Resource(0, 0, 0, 0, Map.of());

  public Resource {
    scalarResources = Map.copyOf(scalarResources);
  }

  /** A {@code resources.requests}/{@code status.allocatable}-style map. */
  public static Resource of(Map<String, Quantity> quantities) {
    if (quantities == null) {
      return ZERO;
    }
    long cpu = 0;
    long memory = 0;
    long storage = 0;
    long pods = 0;
    Map<String, Long> scalar = new TreeMap<>();
    for (Map.Entry<String, Quantity> e : quantities.entrySet()) {
      switch (e.getKey()) {
        case CPU -> cpu = milliValue(e.getValue());
        case MEMORY -> memory = value(e.getValue());
        case EPHEMERAL_STORAGE -> storage = value(e.getValue());
        case PODS -> pods = value(e.getValue());
        default -> scalar.put(e.getKey(), value(e.getValue()));
      }
    }
    return new Resource(cpu, memory, storage, pods, scalar);
  }

  /** {@code 500m} → 500, {@code 2} → 2000, {@code 0.1} → 100; rounds up as Go's {@code MilliValue}. */
  public static long milliValue(Quantity q) {
    return q.getNumericalAmount().multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** {@code 1Gi} → 1073741824, {@code 1k} → 1000; rounds up as Go's {@code Value}. */
  public static long value(Quantity q) {
    return q.getNumericalAmount().setScale(0, RoundingMode.CEILING).longValueExact();
  }

  public Resource plus(Resource o) {
    return combine(o, Long::sum);
  }

  public Resource minus(Resource o) {
    return combine(o, (a, b) -> a - b);
  }

  /** Per resource, the larger of the two (the init-container rule). */
  public Resource max(Resource o) {
    return combine(o, Math::max);
  }

  public long scalar(String name) {
    return scalarResources.getOrDefault(name, 0L);
  }

  public boolean isZero() {
    return milliCpu == 0 && memory == 0 && ephemeralStorage == 0 && scalarResources.values().stream().allMatch(v -> v == 0);
  }

  public Resource withAllowedPodNumber(long pods) {
    return new Resource(milliCpu, memory, ephemeralStorage, pods, scalarResources);
  }

  private Resource combine(Resource o, java.util.function.LongBinaryOperator op) {
    Map<String, Long> scalar = new HashMap<>(scalarResources);
    o.scalarResources.forEach((k, v) -> scalar.put(k, op.applyAsLong(scalar.getOrDefault(k, 0L), v)));
    return new Resource(op.applyAsLong(milliCpu, o.milliCpu), op.applyAsLong(memory, o.memory),
        op.applyAsLong(ephemeralStorage, o.ephemeralStorage), op.applyAsLong(allowedPodNumber, o.allowedPodNumber), scalar);
  }
}
