/**
 * The generic CRUD engine: one {@code Store} serves every resource over the storage layer, and a
 * {@link io.kube4j.apiserver.registry.generic.Strategy} adds what is particular to one resource
 * (defaults, validation, what a write may change).
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/registry/generic/registry/store.go} and
 * {@code k8s.io/apiserver/pkg/registry/rest/{create,update,delete}.go}.
 */
package io.kube4j.apiserver.registry.generic;
