/**
 * Secrets: {@code type} defaults to {@code Opaque} and fixes which keys must be present,
 * {@code stringData} is folded into {@code data} on write, at most 1 MiB of data.
 *
 * <p>Mirrors {@code pkg/registry/core/secret/strategy.go}. See
 * https://kubernetes.io/docs/concepts/configuration/secret/
 */
package io.kube4j.apiserver.registry.core.secret;
