/**
 * What the endpoints and EndpointSlice controllers share: which pods count as endpoints of a
 * Service and whether they are ready, which Services a pod change concerns, the
 * {@code endpoints.kubernetes.io/last-change-trigger-time} tracker, the tracker of EndpointSlice
 * generations the controller itself wrote, and the wait for informer caches to fill before any
 * worker acts on them.
 *
 * <p>Mirrors {@code staging/src/k8s.io/endpointslice/util} ({@code endpointsliceutil}).
 */
package io.kube4j.controllermanager.endpointslice.util;
