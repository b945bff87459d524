/**
 * NodeAffinity: {@code spec.nodeSelector} and required node affinity terms filter nodes; preferred
 * terms add their weights to a node's score. See
 * https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/ ; mirrors
 * {@code pkg/scheduler/framework/plugins/nodeaffinity}.
 */
package io.kube4j.scheduler.plugins.nodeaffinity;
