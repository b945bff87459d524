/**
 * The scheduling queue: pods waiting for a node, in activeQ (ready, by priority then arrival),
 * backoffQ (failed recently, waiting out their backoff) and unschedulablePods (fit nowhere; moved back
 * when a cluster event could change that, or by a periodic flush). See
 * https://kubernetes.io/docs/concepts/scheduling-eviction/scheduling-framework/#scheduling-cycle-binding-cycle ;
 * mirrors {@code pkg/scheduler/backend/queue/scheduling_queue.go}.
 */
package io.kube4j.scheduler.queue;
