/**
 * NodeResourcesFit (does the pod's request fit the node's allocatable minus what its pods request;
 * scored LeastAllocated) and NodeResourcesBalancedAllocation (prefer nodes whose CPU and memory use
 * stay even). See https://kubernetes.io/docs/concepts/scheduling-eviction/resource-bin-packing/ ;
 * mirrors {@code pkg/scheduler/framework/plugins/noderesources} ({@code fit.go}, {@code least_allocated.go},
 * {@code balanced_allocation.go}).
 */
package io.kube4j.scheduler.plugins.noderesources;
