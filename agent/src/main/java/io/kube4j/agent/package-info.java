/**
 * kube4j's agent, the kubelet: {@link io.kube4j.agent.AgentMain} reads kubelet's flags,
 * {@link io.kube4j.agent.Agent} wires one node's parts by hand (TLS bootstrap, Node registration and
 * status, Lease, pod source, pod workers, status manager, runtime). One process may host many
 * simulated nodes sharing {@link io.kube4j.agent.SharedExecutors}. Mirrors cmd/kubelet and
 * pkg/kubelet/kubelet.go; see kubernetes.io/docs/reference/command-line-tools-reference/kubelet/.
 */
package io.kube4j.agent;
