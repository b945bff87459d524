/**
 * The Node authorizer: a kubelet (user {@code system:node:<name>} in group {@code system:nodes})
 * may read a secret, configmap, persistent volume claim or volume only when a pod bound to its node
 * uses it, found by walking a graph of node, pods and what the pods reference.
 *
 * <p>Mirrors {@code plugin/pkg/auth/authorizer/node}. See
 * https://kubernetes.io/docs/reference/access-authn-authz/node/
 */
package io.kube4j.apiserver.authorization.node;
