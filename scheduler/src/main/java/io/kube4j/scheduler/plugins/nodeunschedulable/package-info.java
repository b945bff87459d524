/**
 * NodeUnschedulable: a cordoned node ({@code spec.unschedulable}) takes only pods tolerating the
 * {@code node.kubernetes.io/unschedulable:NoSchedule} taint. See
 * https://kubernetes.io/docs/concepts/architecture/nodes/#manual-node-administration ; mirrors
 * {@code pkg/scheduler/framework/plugins/nodeunschedulable}.
 */
package io.kube4j.scheduler.plugins.nodeunschedulable;
