/**
 * CNI: the pod network of one node, as a CNI network configuration list that containerd's CRI
 * plugin reads: a Linux bridge with host-local IP addresses from the node's {@code spec.podCIDR}
 * (and optionally portmap for hostPorts); {@code lo} is set up by containerd itself with the
 * loopback plugin. Mirrors kubelet's former kubenet ({@code pkg/kubelet/dockershim/network/kubenet},
 * removed in 1.24) and https://kubernetes.io/docs/concepts/extend-kubernetes/compute-storage-net/network-plugins/.
 */
package io.kube4j.agent.cni;
