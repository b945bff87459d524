/**
 * ConfigMaps: keys usable as file names, at most 1 MiB of data, frozen once {@code immutable} is set.
 *
 * <p>Mirrors {@code pkg/registry/core/configmap/strategy.go}. See
 * https://kubernetes.io/docs/concepts/configuration/configmap/
 */
package io.kube4j.apiserver.registry.core.configmap;
