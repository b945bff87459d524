/**
 * Endpoints: the addresses and ports behind a service, written by the endpoints controller; a PUT may
 * create one.
 *
 * <p>Mirrors {@code pkg/registry/core/endpoint/strategy.go}. See
 * https://kubernetes.io/docs/reference/kubernetes-api/service-resources/endpoints-v1/
 */
package io.kube4j.apiserver.registry.core.endpoints;
