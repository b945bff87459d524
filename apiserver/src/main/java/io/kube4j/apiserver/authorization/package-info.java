/**
 * Authorization: may this user do this verb on this resource or path? Each
 * {@link io.kube4j.apiserver.authorization.Authorizer} allows, denies or has no opinion; the
 * configured modes ({@code --authorization-mode}, default {@code Node,RBAC}) are asked in order.
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/authorization}. See
 * https://kubernetes.io/docs/reference/access-authn-authz/authorization/
 */
package io.kube4j.apiserver.authorization;
