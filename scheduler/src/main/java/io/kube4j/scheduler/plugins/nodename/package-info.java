/**
 * NodeName: a pod that names its node ({@code spec.nodeName}) fits only that node. Such pods normally
 * never reach the scheduler (they are bound already); the filter matters for preemption and
 * simulations. Mirrors {@code pkg/scheduler/framework/plugins/nodename}.
 */
package io.kube4j.scheduler.plugins.nodename;
