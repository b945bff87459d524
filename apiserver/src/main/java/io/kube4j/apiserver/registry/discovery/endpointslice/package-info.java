/**
 * EndpointSlices: scalable groups of a service's endpoints, one address type each; any change of
 * endpoints, ports or address type bumps the generation.
 *
 * <p>Mirrors {@code pkg/registry/discovery/endpointslice/strategy.go} and
 * {@code pkg/apis/discovery/validation}. See
 * https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/
 */
package io.kube4j.apiserver.registry.discovery.endpointslice;
