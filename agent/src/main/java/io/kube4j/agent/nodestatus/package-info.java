/**
 * The agent's Node: registration ({@code registerWithAPIServer}) and status reports
 * ({@code updateNodeStatus}) from pkg/kubelet/kubelet_node_status.go, built by the setters of
 * pkg/kubelet/nodestatus/setters.go (addresses, capacity and allocatable, nodeInfo, the Ready,
 * MemoryPressure, DiskPressure and PIDPressure conditions). See kubernetes.io/docs/concepts/architecture/nodes/.
 */
package io.kube4j.agent.nodestatus;
