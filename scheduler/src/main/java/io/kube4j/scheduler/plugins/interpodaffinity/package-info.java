/**
 * InterPodAffinity: place a pod near (affinity) or away from (anti-affinity) pods matching a label
 * selector, within a topology domain; required terms filter, preferred terms score, and existing pods'
 * required anti-affinity keeps the incoming pod away from them. See
 * https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity ;
 * mirrors {@code pkg/scheduler/framework/plugins/interpodaffinity}.
 */
package io.kube4j.scheduler.plugins.interpodaffinity;
