/**
 * Leases: node heartbeats and leader election; a PUT may create one.
 *
 * <p>Mirrors {@code pkg/registry/coordination/lease/strategy.go} and
 * {@code pkg/apis/coordination/validation}. See https://kubernetes.io/docs/concepts/architecture/leases/
 */
package io.kube4j.apiserver.registry.coordination.lease;
