/**
 * Validation of batch/v1 Jobs and CronJobs: a generated selector that matches the template, restart
 * policy OnFailure or Never, a parseable cron schedule, immutability of a running Job's template.
 *
 * <p>Mirrors {@code pkg/apis/batch/validation/validation.go}. See
 * https://kubernetes.io/docs/concepts/workloads/controllers/job/
 */
package io.kube4j.apiserver.validation.batch;
