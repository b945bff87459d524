package io.kube4j.controllermanager.endpointslice.util;

/**
 * Label and annotation keys of Endpoints and EndpointSlices, as {@code k8s.io/api} names them
 * ({@code well_known_labels.go}, {@code annotation_key_constants.go}).
 */
public final class WellKnown {

  private WellKnown() {}

  /** {@code discovery.LabelServiceName}: the Service an EndpointSlice belongs to. */
  public static final String LABEL_SERVICE_NAME = "kubernetes.io/service-name";
  /** {@code discovery.LabelManagedBy}: which controller writes an EndpointSlice. */
  public static final String LABEL_MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
  /** {@code v1.IsHeadlessService}: on the Endpoints and slices of a Service with {@code clusterIP: None}. */
  public static final String LABEL_HEADLESS = "service.kubernetes.io/headless";
  /** {@code v1.LabelTopologyZone}: a Node's zone, copied onto its endpoints. */
  public static final String LABEL_TOPOLOGY_ZONE = "topology.kubernetes.io/zone";
  /** {@code v1.EndpointsLastChangeTriggerTime}: see {@link TriggerTimeTracker}. */
  public static final String ANNOTATION_LAST_CHANGE_TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";
  /** {@code v1.EndpointsOverCapacity}: set to {@code truncated} when an Endpoints lost addresses to its cap. */
  public static final String ANNOTATION_OVER_CAPACITY = "endpoints.kubernetes.io/over-capacity";
  /** {@code resourcelock.LeaderElectionRecordAnnotationKey}: an Endpoints used as a leader-election lock. */
  public static final String ANNOTATION_LEADER = "control-plane.alpha.kubernetes.io/leader";
}
