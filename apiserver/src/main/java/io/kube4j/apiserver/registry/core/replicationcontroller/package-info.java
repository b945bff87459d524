/**
 * ReplicationControllers: the original replica controller with an equality selector, which defaults to
 * the template's labels.
 *
 * <p>Mirrors {@code pkg/registry/core/replicationcontroller/strategy.go}. See
 * https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/
 */
package io.kube4j.apiserver.registry.core.replicationcontroller;
