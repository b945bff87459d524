/**
 * x509 client-certificate authentication: a certificate chain verified against the client CA names
 * the user (subject CN) and groups (subject O values).
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/authentication/request/x509}. See
 * https://kubernetes.io/docs/reference/access-authn-authz/authentication/#x509-client-certificates
 */
package io.kube4j.apiserver.authn.x509;
