/**
 * The REST endpoints: how an HTTP request becomes a call on a resource's store and how the result
 * becomes a response (JSON, YAML or a Table; a chunked stream for watches). Free of Netty: the
 * {@code http} package adapts the wire to {@link io.kube4j.apiserver.endpoints.ApiRequest} and
 * {@link io.kube4j.apiserver.endpoints.Responder}.
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/endpoints/handlers}. See
 * https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
package io.kube4j.apiserver.endpoints;
