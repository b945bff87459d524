/**
 * The CronJob controller ({@code cronjob-controller}, upstream's {@code ControllerV2}): creates a Job
 * from {@code spec.jobTemplate} at each time {@code spec.schedule} names (in {@code spec.timeZone},
 * else the controller-manager's local zone), named {@code <cronjob>-<minutes since the epoch>} so a
 * time is never run twice; honours {@code concurrencyPolicy} (Allow, Forbid, Replace),
 * {@code startingDeadlineSeconds} and {@code suspend}; keeps {@code status.active},
 * {@code lastScheduleTime} and {@code lastSuccessfulTime}; deletes finished Jobs beyond the history
 * limits; and sleeps until the next scheduled time. See
 * https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/; mirrors
 * {@code pkg/controller/cronjob}. The schedule syntax is in {@code cronjob.cron}.
 */
package io.kube4j.controllermanager.cronjob;
