/**
 * StatefulSets: pods with stable names and storage; OrderedReady, RollingUpdate from partition 0 and
 * Retain/Retain claims by default; after creation only replicas, ordinals, template, update strategy,
 * claim retention and minReadySeconds may change.
 *
 * <p>Mirrors {@code pkg/registry/apps/statefulset/strategy.go}. See
 * https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/
 */
package io.kube4j.apiserver.registry.apps.statefulset;
