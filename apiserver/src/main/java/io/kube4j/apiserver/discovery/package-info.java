/**
 * API discovery: which groups, versions and resources the server serves. Both forms are served:
 * the aggregated document ({@code apidiscovery.k8s.io/v2}, one request for everything, what kubectl
 * 1.30+ asks for) and the legacy per-group-version lists.
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/endpoints/discovery} and {@code discovery/aggregated}.
 * See https://kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api
 */
package io.kube4j.apiserver.discovery;
