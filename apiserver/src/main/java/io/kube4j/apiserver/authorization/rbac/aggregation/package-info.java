/**
 * ClusterRole aggregation: a role with an {@code aggregationRule} (admin, edit, view) holds the
 * union of the rules of every cluster role its selectors match, kept current as labelled roles
 * come and go.
 *
 * <p>Mirrors {@code pkg/controller/clusterroleaggregation}. See
 * https://kubernetes.io/docs/reference/access-authn-authz/rbac/#aggregated-clusterroles
 */
package io.kube4j.apiserver.authorization.rbac.aggregation;
