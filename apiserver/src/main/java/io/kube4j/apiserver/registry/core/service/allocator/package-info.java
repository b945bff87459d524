/**
 * Allocation of service cluster IPs and node ports: a bitmap of the range stored in etcd
 * ({@code /registry/ranges/serviceips}, {@code /registry/ranges/servicenodeports}) and changed with
 * compare-and-swap, so several apiservers never hand out the same address.
 *
 * <p>Mirrors {@code pkg/registry/core/service/{ipallocator,portallocator,allocator}}. See
 * https://kubernetes.io/docs/concepts/services-networking/cluster-ip-allocation/
 */
package io.kube4j.apiserver.registry.core.service.allocator;
