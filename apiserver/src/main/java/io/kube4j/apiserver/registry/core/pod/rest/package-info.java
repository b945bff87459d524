/**
 * Pod subresources with logic of their own: {@code pods/binding}, through which the scheduler
 * assigns a pod to a node.
 *
 * <p>Mirrors {@code pkg/registry/core/pod/storage/storage.go} ({@code BindingREST}). See
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#create-binding-pod-v1-core
 */
package io.kube4j.apiserver.registry.core.pod.rest;
