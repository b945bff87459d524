package io.kube4j.controllermanager.endpoint;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import java.util.ArrayList;
import java.util.List;

/**
 * The cap on addresses in one Endpoints ({@code maxCapacity}, {@code truncateEndpoints} upstream).
 * Endpoints is the legacy API; a Service with more endpoints than this is served completely only
 * through EndpointSlices, and its Endpoints says so with {@code endpoints.kubernetes.io/over-capacity:
 * truncated}.
 */
final class EndpointsCapacity {

  /** Addresses (ready and not ready) one Endpoints keeps. */
  static final int MAX_CAPACITY = 1000;
  /** The value of the over-capacity annotation. */
  static final String TRUNCATED = "truncated";

  private EndpointsCapacity() {}

  static int count(List<EndpointSubset> subsets) {
    return subsets.stream().mapToInt(s -> size(s.getAddresses()) + size(s.getNotReadyAddresses())).sum();
  }

  /**
   * Cuts {@code subsets} (in place) down to {@link #MAX_CAPACITY} addresses; true if it had to.
   * Ready addresses are kept before not-ready ones; what remains of the budget is shared among the
   * subsets in proportion to their size, rounded up, so the last subsets may get less. Worked example
   * with 900 ready addresses and 300 not ready in two subsets of 200 and 100: 100 not-ready may stay,
   * the first subset keeps ceil(200/300*100) = 67 and the second the remaining 33.
   */
  static boolean truncate(List<EndpointSubset> subsets) {
    int totalReady = subsets.stream().mapToInt(s -> size(s.getAddresses())).sum();
    int totalNotReady = subsets.stream().mapToInt(s -> size(s.getNotReadyAddresses())).sum();
    if (totalReady + totalNotReady <= MAX_CAPACITY) {
      return false;
    }
    boolean truncateReady = totalReady > MAX_CAPACITY;
    int max = truncateReady ? MAX_CAPACITY : MAX_CAPACITY - totalReady;
    int numTotal = truncateReady ? totalReady : totalNotReady;
    int canBeAdded = max;
    for (EndpointSubset s : subsets) {
      int inSubset = truncateReady ? size(s.getAddresses()) : size(s.getNotReadyAddresses());
      int toBeAdded = Math.min((int) Math.ceil((double) inSubset / numTotal * max), canBeAdded);
      if (truncateReady) {
        s.setAddresses(first(s.getAddresses(), toBeAdded));
        s.setNotReadyAddresses(new ArrayList<>());
        canBeAdded -= s.getAddresses().size();
      } else {
        s.setNotReadyAddresses(first(s.getNotReadyAddresses(), toBeAdded));
        canBeAdded -= s.getNotReadyAddresses().size();
      }
    }
    return true;
  }

  private static List<EndpointAddress> first(List<EndpointAddress> addresses, int n) {
    List<EndpointAddress> all = addresses == null ? List.of() : addresses;
    return new ArrayList<>(all.subList(0, Math.min(n, all.size())));
  }

  private static int size(List<?> list) {
    return list == null ? 0 : list.size();
  }
}
