/**
 * PersistentVolumeClaims: requests for storage; Pending and Filesystem by default; after creation only the
 * storage request (of a bound claim) and the volume name (once) may change.
 *
 * <p>Mirrors {@code pkg/registry/core/persistentvolumeclaim/strategy.go}. See
 * https://kubernetes.io/docs/concepts/storage/persistent-volumes/#persistentvolumeclaims
 */
package io.kube4j.apiserver.registry.core.persistentvolumeclaim;
