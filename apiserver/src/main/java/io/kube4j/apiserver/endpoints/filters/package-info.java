/**
 * What every request passes through between authentication and its handler: authorization of the
 * verb, resource and namespace the request asks for.
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/endpoints/filters} ({@code WithAuthorization}).
 */
package io.kube4j.apiserver.endpoints.filters;
