/**
 * ServiceAccounts: identities for processes in pods; only their metadata is validated.
 *
 * <p>Mirrors {@code pkg/registry/core/serviceaccount/strategy.go}. See
 * https://kubernetes.io/docs/concepts/security/service-accounts/
 */
package io.kube4j.apiserver.registry.core.serviceaccount;
