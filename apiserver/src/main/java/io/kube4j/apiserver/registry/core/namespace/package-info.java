/**
 * Namespaces: a new namespace is {@code Active} with the {@code kubernetes} finalizer and the
 * {@code kubernetes.io/metadata.name} label; its finalizers change only through {@code namespaces/finalize}.
 *
 * <p>Mirrors {@code pkg/registry/core/namespace/strategy.go}. See
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
 */
package io.kube4j.apiserver.registry.core.namespace;
