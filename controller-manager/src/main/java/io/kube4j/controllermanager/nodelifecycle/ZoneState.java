package io.kube4j.controllermanager.nodelifecycle;

/**
 * How a zone is doing ({@code ZoneState}): Normal; PartialDisruption when more than two nodes and at
 * least {@code --unhealthy-zone-threshold} of them are not ready; FullDisruption when none is ready.
 */
enum ZoneState {
  NORMAL, PARTIAL_DISRUPTION, FULL_DISRUPTION;

  /** {@code ComputeZoneState}. */
  static ZoneState of(int notReady, int total, double unhealthyThreshold) {
    if (total > 0 && notReady == total) {
      return FULL_DISRUPTION;
    }
    if (notReady > 2 && (double) notReady / total >= unhealthyThreshold) {
      return PARTIAL_DISRUPTION;
    }
    return NORMAL;
  }

  /**
   * Nodes per second to taint for eviction in a zone of {@code size} nodes ({@code setLimiterInZone}):
   * the primary rate when normal; in a partial disruption the secondary rate for large zones and none
   * for small ones; in a full disruption the primary rate, unless every zone is down (then none: the
   * control plane, not the nodes, has probably lost its network).
   */
  double evictionRate(int size, boolean allZonesDown, double primary, double secondary, int largeClusterThreshold) {
    return switch (this) {
      case NORMAL -> primary;
      case PARTIAL_DISRUPTION -> size > largeClusterThreshold ? secondary : 0;
      case FULL_DISRUPTION -> allZonesDown ? 0 : primary;
    };
  }
}
