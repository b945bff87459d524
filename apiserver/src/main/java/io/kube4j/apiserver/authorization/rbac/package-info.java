/**
 * The RBAC authorizer: a request is allowed when a RoleBinding in its namespace, or a
 * ClusterRoleBinding, binds the user (by name, group or service account) to a role with a rule
 * that matches the verb, API group, resource and name. RBAC never denies; it allows or has no
 * opinion.
 *
 * <p>Mirrors {@code plugin/pkg/auth/authorizer/rbac} and {@code pkg/apis/rbac/v1/evaluation_helpers.go}.
 * See https://kubernetes.io/docs/reference/access-authn-authz/rbac/
 */
package io.kube4j.apiserver.authorization.rbac;
