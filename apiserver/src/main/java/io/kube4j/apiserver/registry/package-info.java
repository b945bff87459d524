/**
 * The registry: which resources the apiserver serves ({@link io.kube4j.apiserver.registry.ApiResource})
 * and, per resource, the strategy that makes it behave as Kubernetes' does. The generic CRUD engine is
 * in {@code registry.generic}; each {@code registry.<group>.<resource>} package adds only a strategy.
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/registry} and {@code pkg/registry/<group>/<resource>}.
 */
package io.kube4j.apiserver.registry;
