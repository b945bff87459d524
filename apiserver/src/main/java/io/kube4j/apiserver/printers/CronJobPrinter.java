package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobTemplateSpec;
import java.time.Instant;
import java.util.List;

/**
 * {@code kubectl get cronjobs}: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE | CONTAINERS
 * IMAGES SELECTOR. SUSPEND is declared boolean but printed as the text {@code True}, {@code False} or
 * {@code <unset>}, as upstream does.
 */
final class CronJobPrinter implements TablePrinter<CronJob> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Schedule", "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron."),
      Columns.string("Timezone", "The time zone name for the given schedule, see"
          + " https://en.wikipedia.org/wiki/List_of_tz_database_time_zones."),
      Columns.bool("Suspend", "This flag tells the controller to suspend subsequent executions, it does not"
          + " apply to already started executions. Defaults to false."),
      Columns.integer("Active", "A list of pointers to currently running jobs."),
      Columns.string("Last Schedule", "Information when was the last time the job was successfully"
          + " scheduled."),
      Columns.age(),
      Columns.wideContainers(),
      Columns.wideImages(),
      Columns.wide("Selector", "A label query over pods that should match the pod count."));

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(CronJob cj, Instant now) {
    CronJobSpec spec = cj.getSpec() == null ? new CronJobSpec() : cj.getSpec();
    String lastSchedule = Formats.NONE;
    long active = 0;
    if (cj.getStatus() != null) {
      active = Formats.orEmpty(cj.getStatus().getActive()).size();
      if (cj.getStatus().getLastScheduleTime() != null) {
        lastSchedule = Formats.since(cj.getStatus().getLastScheduleTime(), now);
      }
    }
    JobTemplateSpec jobTemplate = spec.getJobTemplate();
    List<Container> containers = List.of();
    LabelSelector selector = null;
    if (jobTemplate != null && jobTemplate.getSpec() != null) {
      containers = Formats.templateContainers(jobTemplate.getSpec().getTemplate());
      selector = jobTemplate.getSpec().getSelector();
    }
    return List.of(
        Formats.name(cj),
        Formats.orEmpty(spec.getSchedule()),
        spec.getTimeZone() == null ? Formats.NONE : spec.getTimeZone(),
        Formats.boolPtr(spec.getSuspend()),
        active,
        lastSchedule,
        Formats.age(cj, now),
        Formats.containerNames(containers),
        Formats.containerImages(containers),
        Formats.formatLabelSelector(selector));
  }
}
