/**
 * PersistentVolumes: cluster-scoped pieces of storage; Pending with a Retain reclaim policy and
 * Filesystem mode by default; the volume source never changes after creation.
 *
 * <p>Mirrors {@code pkg/registry/core/persistentvolume/strategy.go}. See
 * https://kubernetes.io/docs/concepts/storage/persistent-volumes/
 */
package io.kube4j.apiserver.registry.core.persistentvolume;
