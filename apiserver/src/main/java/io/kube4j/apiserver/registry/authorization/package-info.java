/**
 * The access reviews of {@code authorization.k8s.io}: ask the authorizers a question and answer it
 * at once, storing nothing ({@code kubectl auth can-i}, with {@code --list} for the rules review).
 *
 * <p>Mirrors {@code pkg/registry/authorization}. See
 * https://kubernetes.io/docs/reference/access-authn-authz/authorization/#checking-api-access
 */
package io.kube4j.apiserver.registry.authorization;
