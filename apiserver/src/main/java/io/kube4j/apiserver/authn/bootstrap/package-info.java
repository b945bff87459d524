/**
 * Bootstrap tokens: short-lived tokens {@code <id>.<secret>} kept as Secrets in {@code kube-system},
 * with which a new node proves it may join and ask for its certificate.
 *
 * <p>Mirrors {@code plugin/pkg/auth/authenticator/token/bootstrap}. See
 * https://kubernetes.io/docs/reference/access-authn-authz/bootstrap-tokens/
 */
package io.kube4j.apiserver.authn.bootstrap;
