/**
 * The scheduler's cache of nodes and the pods on them, including pods it has assumed onto a node but
 * not yet seen bound, so that consecutive decisions see each other; and the per-cycle
 * {@link io.kube4j.scheduler.cache.Snapshot} plugins read. Mirrors
 * {@code pkg/scheduler/backend/cache/cache.go} and {@code snapshot.go}.
 */
package io.kube4j.scheduler.cache;
