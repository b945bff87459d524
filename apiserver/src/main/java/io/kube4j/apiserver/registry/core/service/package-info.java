/**
 * Services: defaults (ClusterIP, no session affinity, TCP ports targeting themselves, single-stack IPv4),
 * the {@code clusterIP}/{@code clusterIPs} pair kept consistent, and validation. Allocating cluster IPs
 * and node ports is the service REST's job, not the strategy's.
 *
 * <p>Mirrors {@code pkg/registry/core/service/strategy.go}. See
 * https://kubernetes.io/docs/concepts/services-networking/service/
 */
package io.kube4j.apiserver.registry.core.service;
