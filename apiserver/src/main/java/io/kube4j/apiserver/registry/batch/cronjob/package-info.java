/**
 * CronJobs: create Jobs on a cron schedule; Allow concurrency, keep three successful and one failed Job by
 * default; names leave room for the 11-character suffix of the Jobs they create.
 *
 * <p>Mirrors {@code pkg/registry/batch/cronjob/strategy.go}. See
 * https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/
 */
package io.kube4j.apiserver.registry.batch.cronjob;
