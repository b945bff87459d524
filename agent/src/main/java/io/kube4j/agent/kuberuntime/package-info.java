/**
 * kuberuntime: how a Pod becomes CRI messages. Pure functions from a Fabric8 {@code Pod} and the
 * node's facts to {@code PodSandboxConfig} (metadata, hostname, DNS, log directory, port
 * mappings, cgroup parent, namespaces) and {@code ContainerConfig} (command and args, env with
 * {@code $(VAR)} expansion, mounts, log path, labels and annotations, Linux resources and security
 * context). Mirrors kubelet's {@code pkg/kubelet/kuberuntime} ({@code kuberuntime_sandbox.go},
 * {@code kuberuntime_container.go}, {@code kuberuntime_container_linux.go}, {@code labels.go},
 * {@code security_context.go}) with {@code pkg/kubelet/qos}, {@code pkg/kubelet/cm/helper_linux.go}
 * and {@code pkg/kubelet/network/dns}.
 */
package io.kube4j.agent.kuberuntime;
