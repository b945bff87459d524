/**
 * LimitRanges: per-namespace minimum, maximum and default resources for containers, pods and claims;
 * a container range defaults its default limit to max and its default request to the limit or min.
 *
 * <p>Mirrors {@code pkg/registry/core/limitrange/strategy.go}. See
 * https://kubernetes.io/docs/concepts/policy/limit-range/
 */
package io.kube4j.apiserver.registry.core.limitrange;
