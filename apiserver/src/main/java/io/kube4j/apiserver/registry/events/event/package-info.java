/**
 * events.k8s.io/v1 Events: the structured successor of core/v1 Events, validated strictly on create
 * ({@code eventTime}, reporting controller and instance, action, reason required; deprecated fields
 * unset) and immutable but for their series on update. A PUT may create one.
 *
 * <p>Mirrors {@code pkg/registry/core/event/strategy.go} (which serves both groups) and
 * {@code ValidateEventCreate}/{@code ValidateEventUpdate} in {@code pkg/apis/core/validation/events.go}.
 */
package io.kube4j.apiserver.registry.events.event;
