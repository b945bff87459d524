/**
 * The four RBAC resources: Role and ClusterRole (rules), RoleBinding and ClusterRoleBinding (who
 * gets a role). A binding's roleRef never changes: delete and recreate instead.
 *
 * <p>Mirrors {@code pkg/registry/rbac}. See https://kubernetes.io/docs/reference/access-authn-authz/rbac/
 */
package io.kube4j.apiserver.registry.rbac;
