/**
 * The Job controller ({@code job-controller}): runs a Job's pods to completion. It keeps up to
 * {@code parallelism} pods running until {@code completions} have succeeded (or, without
 * completions, until one has: work-queue semantics), gives each pod of an Indexed Job its own
 * completion index, re-creates failed pods with an exponential delay until {@code backoffLimit},
 * applies the {@code podFailurePolicy}, enforces {@code activeDeadlineSeconds} and {@code suspend},
 * and counts finished pods through the {@code batch.kubernetes.io/job-tracking} finalizer and
 * {@code status.uncountedTerminatedPods}, so that no pod is counted twice or lost when deleted. See
 * https://kubernetes.io/docs/concepts/workloads/controllers/job/; mirrors
 * {@code pkg/controller/job}.
 */
package io.kube4j.controllermanager.job;
