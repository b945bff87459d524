/**
 * Authentication: who is making a request. Each {@link io.kube4j.apiserver.authn.Authenticator} looks
 * at the request's credentials; the first that recognises them decides, and credentials that are
 * present but wrong are rejected (401), never treated as anonymous.
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/authentication}. See
 * https://kubernetes.io/docs/reference/access-authn-authz/authentication/
 */
package io.kube4j.apiserver.authn;
