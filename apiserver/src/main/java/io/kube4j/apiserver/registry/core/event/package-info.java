/**
 * core/v1 Events: reports of what happened to an object. Old-style events (no {@code eventTime}) are
 * checked only for a consistent namespace; new-style ones need reporting controller, instance, action and
 * reason. A PUT may create one.
 *
 * <p>Mirrors {@code pkg/registry/core/event/strategy.go} and {@code pkg/apis/core/validation/events.go}.
 * See https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/
 */
package io.kube4j.apiserver.registry.core.event;
