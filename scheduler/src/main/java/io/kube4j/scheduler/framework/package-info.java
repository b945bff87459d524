/**
 * The scheduling framework: one small interface per extension point (PreFilter, Filter, PostFilter,
 * PreScore, Score with its NormalizeScore extension, Reserve, Permit, Bind), the per-cycle
 * {@link io.kube4j.scheduler.framework.CycleState}, {@link io.kube4j.scheduler.framework.Status} with
 * upstream's codes, and {@link io.kube4j.scheduler.framework.NodeInfo}. Never imports a plugin.
 * See https://kubernetes.io/docs/concepts/scheduling-eviction/scheduling-framework/ ; mirrors
 * {@code pkg/scheduler/framework/interface.go}, {@code cycle_state.go} and {@code types.go}.
 */
package io.kube4j.scheduler.framework;
