/**
 * Jobs: run pods to completion. Unless {@code manualSelector} is set, a new Job gets a selector on its own
 * uid and matching template labels ({@code batch.kubernetes.io/controller-uid}, {@code job-name}, ...);
 * one completion, parallelism 1 and six retries by default.
 *
 * <p>Mirrors {@code pkg/registry/batch/job/strategy.go} and {@code pkg/apis/batch/v1/defaults.go}. See
 * https://kubernetes.io/docs/concepts/workloads/controllers/job/
 */
package io.kube4j.apiserver.registry.batch.job;
