/**
 * Static bearer tokens from {@code --token-auth-file}: a CSV of token, user name, uid and an
 * optional quoted list of groups.
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/authentication/token/tokenfile}. See
 * https://kubernetes.io/docs/reference/access-authn-authz/authentication/#static-token-file
 */
package io.kube4j.apiserver.authn.tokenfile;
