package io.kube4j.apiserver.registry.batch.cronjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.kube4j.apiserver.api.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronJobStrategyTest {

  private final CronJobStrategy strategy = new CronJobStrategy();

  private CronJob cronJob(String name, String schedule) {
    CronJob cj = new CronJobBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withNewSpec().withSchedule(schedule).withNewJobTemplate().withNewSpec().withNewTemplate().withNewSpec()
        .withRestartPolicy("OnFailure").addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
        .endTemplate().endSpec().endJobTemplate().endSpec().build();
    strategy.applyDefaults(cj);
    strategy.prepareForCreate(cj);
    return cj;
  }

  @Test
  void defaultsConcurrencyAndHistory() {
    CronJob cj = cronJob("hello", "*/5 * * * *");
    assertThat(cj.getSpec().getConcurrencyPolicy()).isEqualTo("Allow");
    assertThat(cj.getSpec().getSuccessfulJobsHistoryLimit()).isEqualTo(3);
    assertThat(cj.getSpec().getFailedJobsHistoryLimit()).isEqualTo(1);
    assertThat(cj.getSpec().getSuspend()).isFalse();
    assertThat(strategy.validate(cj)).isEmpty();
  }

  @ParameterizedTest(name = "schedule \"{0}\" fails with \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      "* * * *|expected exactly 5 fields, found 4: [* * * *]",
      "61 * * * *|end of range (61) above maximum (59): 61",
      "x * * * *|failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax"})
  void rejectsBadSchedulesWithCronParserWords(String schedule, String error) {
    assertThat(strategy.validate(cronJob("hello", schedule))).extracting(FieldError::message)
        .containsExactly("spec.schedule: Invalid value: \"" + schedule + "\": " + error);
  }

  @Test
  void nameLeavesRoomForTheJobSuffix() {
    String name = "a".repeat(53);
    assertThat(strategy.validate(cronJob(name, "@hourly"))).extracting(FieldError::message)
        .containsExactly("metadata.name: Invalid value: \"" + name + "\": must be no more than 52 characters");
  }
}
