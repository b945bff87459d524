package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Fixtures.NOW;
import static io.kube4j.apiserver.printers.Fixtures.meta;
import static io.kube4j.apiserver.printers.Fixtures.minutesAgo;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JobPrintersTest {

  private final JobPrinter jobs = new JobPrinter();
  private final CronJobPrinter cronJobs = new CronJobPrinter();

  record Case(String name, Job job, String status, String completions, String duration) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static JobBuilder job(Integer completions, Integer parallelism) {
    return new JobBuilder().withMetadata(meta("pi")).withNewSpec().withCompletions(completions)
        .withParallelism(parallelism).withNewSelector().addToMatchLabels("batch.kubernetes.io/controller-uid", "u1")
        .endSelector().withNewTemplate().withNewSpec().addNewContainer().withName("pi").withImage("perl:5.34")
        .endContainer().endSpec().endTemplate().endSpec();
  }

  static Stream<Case> statuses() {
    return Stream.of(
        new Case("not started yet", job(1, 1).build(), "Running", "0/1", ""),
        new Case("running for three minutes",
            job(1, 1).withNewStatus().withStartTime(minutesAgo(3)).withActive(1).endStatus().build(),
            "Running", "0/1", "3m"),
        new Case("complete after 42 seconds",
            job(1, 1).withNewStatus().withStartTime(minutesAgo(4)).withSucceeded(1)
                .withCompletionTime(Fixtures.ago(java.time.Duration.ofSeconds(4 * 60 - 42)))
                .addNewCondition().withType("SuccessCriteriaMet").withStatus("True").endCondition()
                .addNewCondition().withType("Complete").withStatus("True").endCondition().endStatus().build(),
            "Complete", "1/1", "42s"),
        new Case("failed",
            job(3, 1).withNewStatus().withStartTime(minutesAgo(4)).withSucceeded(1).withFailed(7)
                .addNewCondition().withType("FailureTarget").withStatus("True").endCondition()
                .addNewCondition().withType("Failed").withStatus("True").endCondition().endStatus().build(),
            "Failed", "1/3", "4m"),
        new Case("failure target before the Failed condition",
            job(3, 1).withNewStatus().withStartTime(minutesAgo(4))
                .addNewCondition().withType("FailureTarget").withStatus("True").endCondition().endStatus().build(),
            "FailureTarget", "0/3", "4m"),
        new Case("suspended",
            job(1, 1).withNewStatus()
                .addNewCondition().withType("Suspended").withStatus("True").endCondition().endStatus().build(),
            "Suspended", "0/1", ""),
        new Case("being deleted",
            job(1, 1).editMetadata().withDeletionTimestamp(minutesAgo(0)).endMetadata()
                .withNewStatus().withStartTime(minutesAgo(2)).endStatus().build(),
            "Terminating", "0/1", "2m"),
        new Case("work queue with parallelism",
            job(null, 3).withNewStatus().withStartTime(minutesAgo(2)).withSucceeded(1).endStatus().build(),
            "Running", "1/1 of 3", "2m"),
        new Case("work queue without parallelism",
            job(null, null).withNewStatus().withStartTime(minutesAgo(2)).endStatus().build(),
            "Running", "0/1", "2m"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void statuses(Case c) {
    assertThat(jobs.cells(c.job(), NOW)).containsExactly("pi", c.status(), c.completions(), c.duration(), "5m", "pi",
        "perl:5.34", "batch.kubernetes.io/controller-uid=u1");
  }

  @Test
  void cronJobShowsScheduleSuspendAndLastSchedule() {
    CronJob cj = new CronJobBuilder().withMetadata(meta("nightly")).withNewSpec().withSchedule("0 3 * * *")
        .withTimeZone("Europe/Paris").withSuspend(false).withNewJobTemplate().withNewSpec().withNewTemplate()
        .withNewSpec().addNewContainer().withName("backup").withImage("busybox:1.36").endContainer().endSpec()
        .endTemplate().endSpec().endJobTemplate().endSpec()
        .withNewStatus().withLastScheduleTime(minutesAgo(90)).addNewActive().withName("nightly-1").endActive()
        .endStatus().build();

    assertThat(cronJobs.cells(cj, NOW)).containsExactly("nightly", "0 3 * * *", "Europe/Paris", "False", 1L, "90m",
        "5m", "backup", "busybox:1.36", "<none>");
  }

  @Test
  void cronJobThatNeverRanPrintsPlaceholders() {
    CronJob cj = new CronJobBuilder().withMetadata(meta("hourly")).withNewSpec().withSchedule("@hourly").endSpec()
        .build();

    assertThat(cronJobs.cells(cj, NOW)).containsExactly("hourly", "@hourly", "<none>", "<unset>", 0L, "<none>", "5m",
        "", "", "<none>");
  }

  @Test
  void jobColumnsAreThoseOf132() {
    assertThat(jobs.columns()).extracting(TableColumnDefinition::name).containsExactly(
        "Name", "Status", "Completions", "Duration", "Age", "Containers", "Images", "Selector");
    assertThat(cronJobs.columns()).extracting(TableColumnDefinition::name).containsExactly(
        "Name", "Schedule", "Timezone", "Suspend", "Active", "Last Schedule", "Age", "Containers", "Images",
        "Selector");
    assertThat(List.of(jobs.columns().get(1).type(), cronJobs.columns().get(3).type()))
        .containsExactly("string", "boolean");
  }
}
