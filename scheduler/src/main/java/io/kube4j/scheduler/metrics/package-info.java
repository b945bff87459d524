/**
 * The scheduler's Prometheus metrics, named as upstream's {@code pkg/scheduler/metrics}:
 * {@code scheduler_schedule_attempts_total}, {@code scheduler_pending_pods},
 * {@code scheduler_scheduling_attempt_duration_seconds}, {@code leader_election_master_status}.
 */
package io.kube4j.scheduler.metrics;
