/**
 * The container runtime as the pod workers see it: sync a pod toward its spec, kill it with a grace
 * period, report its runtime status. Mirrors {@code pkg/kubelet/container} ({@code kubecontainer.Runtime},
 * {@code PodStatus}, {@code ContainerStatus}) and the PLEG's events ({@code pkg/kubelet/pleg}).
 * Implementations: {@code runtime.simulated} (in memory, like kwok) and, later, the CRI-backed
 * {@code kuberuntime} ({@code KubeGenericRuntimeManager} upstream).
 */
package io.kube4j.agent.runtime;
