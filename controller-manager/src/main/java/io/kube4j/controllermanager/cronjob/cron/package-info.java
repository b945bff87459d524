/**
 * Cron schedules as Kubernetes' CronJob controller reads them: robfig/cron v3's
 * {@code ParseStandard} (five fields: minute, hour, day of month, month, day of week; ranges,
 * steps, lists, month and weekday names; the {@code @hourly}-style descriptors and {@code @every};
 * an optional {@code TZ=}/{@code CRON_TZ=} prefix) and its {@code SpecSchedule.Next}, which finds the
 * first matching time after a given one. See
 * https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax; mirrors
 * github.com/robfig/cron/v3 {@code parser.go} and {@code spec.go}.
 */
package io.kube4j.controllermanager.cronjob.cron;
