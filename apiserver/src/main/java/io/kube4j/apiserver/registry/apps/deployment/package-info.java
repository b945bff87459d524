/**
 * Deployments: one replica, RollingUpdate 25%/25%, ten old ReplicaSets kept, 600s progress deadline by
 * default; the selector is immutable in apps/v1 and must match the template; spec or annotation changes
 * bump {@code metadata.generation}.
 *
 * <p>Mirrors {@code pkg/registry/apps/deployment/strategy.go} and {@code pkg/apis/apps/v1/defaults.go}. See
 * https://kubernetes.io/docs/concepts/workloads/controllers/deployment/
 */
package io.kube4j.apiserver.registry.apps.deployment;
