/**
 * The {@code scale} subresource: a workload's replica count seen as an {@code autoscaling/v1 Scale},
 * which {@code kubectl scale} and the HorizontalPodAutoscaler read and write without knowing the
 * workload's own type.
 *
 * <p>Mirrors the {@code ScaleREST} types of {@code pkg/registry/apps/deployment/storage/storage.go}
 * and its siblings. See https://kubernetes.io/docs/reference/kubernetes-api/autoscaling-resources/
 */
package io.kube4j.apiserver.registry.autoscaling.scale;
