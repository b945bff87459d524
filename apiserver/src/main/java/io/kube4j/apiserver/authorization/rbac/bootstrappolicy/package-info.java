/**
 * The roles and bindings every cluster starts with (cluster-admin, admin/edit/view, system:node,
 * system:kube-scheduler, ...), kept as data, and their reconciliation when the apiserver starts.
 *
 * <p>Mirrors {@code plugin/pkg/auth/authorizer/rbac/bootstrappolicy} and
 * {@code pkg/registry/rbac/reconciliation}. See
 * https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings
 */
package io.kube4j.apiserver.authorization.rbac.bootstrappolicy;
