/**
 * ReplicaSets: keep {@code spec.replicas} pods matching the selector running; one replica by default,
 * selector immutable in apps/v1 and matching the template.
 *
 * <p>Mirrors {@code pkg/registry/apps/replicaset/strategy.go}. See
 * https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/
 */
package io.kube4j.apiserver.registry.apps.replicaset;
