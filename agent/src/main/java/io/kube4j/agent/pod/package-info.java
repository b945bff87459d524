/**
 * The pods bound to this node: the source that watches them ({@code pkg/kubelet/config}), admission
 * ({@code pkg/kubelet/lifecycle/predicate.go}), one worker per pod ({@code pkg/kubelet/pod_workers.go}),
 * the syncs a worker runs ({@code SyncPod}, {@code SyncTerminatingPod}, {@code SyncTerminatedPod} in
 * {@code pkg/kubelet/kubelet.go}), the API status made from runtime status ({@code generateAPIPodStatus},
 * {@code pkg/kubelet/status/generate.go}) and the status manager that writes it
 * ({@code pkg/kubelet/status/status_manager.go}). See kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/.
 */
package io.kube4j.agent.pod;
