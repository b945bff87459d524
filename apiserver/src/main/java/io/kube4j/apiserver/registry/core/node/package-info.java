/**
 * Nodes: cluster-scoped, registered by their kubelet; taints unique by key and effect, pod CIDRs settable
 * once, status written through {@code nodes/status}.
 *
 * <p>Mirrors {@code pkg/registry/core/node/strategy.go}. See
 * https://kubernetes.io/docs/concepts/architecture/nodes/
 */
package io.kube4j.apiserver.registry.core.node;
