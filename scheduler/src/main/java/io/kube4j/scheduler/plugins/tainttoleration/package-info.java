/**
 * TaintToleration: a node's NoSchedule (and NoExecute) taints keep off pods that do not tolerate
 * them; PreferNoSchedule taints only lower the score. See
 * https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/ ; mirrors
 * {@code pkg/scheduler/framework/plugins/tainttoleration}.
 */
package io.kube4j.scheduler.plugins.tainttoleration;
