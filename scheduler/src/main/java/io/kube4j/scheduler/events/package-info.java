/**
 * Recording Kubernetes Events for pods ({@code Scheduled}, {@code FailedScheduling}), as client-go's
 * {@code tools/events} recorder does for the scheduler. See
 * https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/
 */
package io.kube4j.scheduler.events;
