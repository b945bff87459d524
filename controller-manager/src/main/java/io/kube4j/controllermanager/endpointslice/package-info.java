/**
 * The EndpointSlice controller ({@code endpointslice-controller}): the endpoints of each Service
 * with a selector, in {@code discovery.k8s.io/v1} EndpointSlices of at most 100 endpoints, each with
 * its ready/serving/terminating conditions, node, zone and target pod. Slices are updated in place
 * where possible so that a change to one pod rewrites one slice, not all.
 *
 * <p>https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/ ; mirrors
 * {@code pkg/controller/endpointslice} and {@code staging/src/k8s.io/endpointslice}.
 */
package io.kube4j.controllermanager.endpointslice;
