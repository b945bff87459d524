/**
 * PodTopologySpread: spread a group of pods evenly across topology domains (zones, nodes). Hard
 * constraints ({@code whenUnsatisfiable: DoNotSchedule}) filter; soft ones ({@code ScheduleAnyway})
 * and the cluster's default constraints score. See
 * https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/ ; mirrors
 * {@code pkg/scheduler/framework/plugins/podtopologyspread}.
 */
package io.kube4j.scheduler.plugins.podtopologyspread;
