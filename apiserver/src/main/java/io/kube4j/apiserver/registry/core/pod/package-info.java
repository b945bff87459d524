/**
 * Pods: the strategy ({@link io.kube4j.apiserver.registry.core.pod.PodStrategy}), the v1 defaults of pod
 * specs shared by every workload that embeds a pod template ({@link
 * io.kube4j.apiserver.registry.core.pod.PodDefaults}) and the QoS class computed at creation.
 *
 * <p>Mirrors {@code pkg/registry/core/pod/strategy.go}, {@code pkg/apis/core/v1/defaults.go} and
 * {@code pkg/apis/core/helper/qos}. See https://kubernetes.io/docs/concepts/workloads/pods/
 */
package io.kube4j.apiserver.registry.core.pod;
