/**
 * NodePorts: a pod asking for a {@code hostPort} fits only nodes where no pod already holds that
 * port, protocol and address. Mirrors {@code pkg/scheduler/framework/plugins/nodeports}.
 */
package io.kube4j.scheduler.plugins.nodeports;
