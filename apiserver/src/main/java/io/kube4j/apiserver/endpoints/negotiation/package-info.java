/**
 * Content negotiation: which format a request body is in ({@code Content-Type}) and which the client
 * wants back ({@code Accept}: JSON, YAML, or a server-side printed Table).
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/endpoints/handlers/negotiation}.
 */
package io.kube4j.apiserver.endpoints.negotiation;
