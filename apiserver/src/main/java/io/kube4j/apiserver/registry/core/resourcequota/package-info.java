/**
 * ResourceQuotas: hard limits on what a namespace may consume; the quota controller writes usage to
 * {@code resourcequotas/status}; scopes never change.
 *
 * <p>Mirrors {@code pkg/registry/core/resourcequota/strategy.go}. See
 * https://kubernetes.io/docs/concepts/policy/resource-quotas/
 */
package io.kube4j.apiserver.registry.core.resourcequota;
