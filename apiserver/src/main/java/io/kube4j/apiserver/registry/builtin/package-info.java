/**
 * The built-in resources kube4j serves and their strategies, declared once for the composition root:
 * {@link io.kube4j.apiserver.registry.builtin.BuiltinResources} (what discovery lists: names, short names,
 * categories, verbs, subresources, model classes) and {@link
 * io.kube4j.apiserver.registry.builtin.BuiltinStrategies} (model class → strategy).
 *
 * <p>Mirrors the storage providers of {@code pkg/controlplane/apiserver} and
 * {@code pkg/registry/<group>/rest/storage_*.go}. See
 * https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
package io.kube4j.apiserver.registry.builtin;
