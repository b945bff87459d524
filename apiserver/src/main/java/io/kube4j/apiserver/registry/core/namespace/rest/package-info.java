/**
 * Namespace subresources with logic of their own: {@code namespaces/finalize}, through which the
 * namespace controller removes {@code spec.finalizers} once a terminating namespace is empty.
 *
 * <p>Mirrors {@code pkg/registry/core/namespace/storage/storage.go} ({@code FinalizeREST}). See
 * https://kubernetes.io/docs/tasks/administer-cluster/namespaces/
 */
package io.kube4j.apiserver.registry.core.namespace.rest;
