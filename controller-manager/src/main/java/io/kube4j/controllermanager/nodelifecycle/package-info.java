/**
 * The node lifecycle controller ({@code node-lifecycle-controller}). A node proves it is alive by
 * renewing its Lease in {@code kube-node-lease} (and posting its status); when neither happened for
 * {@code --node-monitor-grace-period}, the controller marks the node's conditions Unknown, its pods
 * not ready, and taints it {@code node.kubernetes.io/unreachable} (NoSchedule at once, NoExecute at
 * the zone's eviction rate). The NoExecute taint is what evicts pods: the taint eviction controller
 * deletes the pods that do not tolerate it. When heartbeats come back, the taints go.
 *
 * <p>Zones ({@code topology.kubernetes.io/zone}) are judged as a whole: when most nodes of a zone are
 * down the network is more likely at fault than the nodes, so evictions slow down (large zones) or
 * stop (small ones), and stop everywhere when every node is down.
 */
package io.kube4j.controllermanager.nodelifecycle;
