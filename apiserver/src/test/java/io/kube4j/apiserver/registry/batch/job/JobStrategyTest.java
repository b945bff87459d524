package io.kube4j.apiserver.registry.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.kube4j.apiserver.api.FieldError;
import org.junit.jupiter.api.Test;

class JobStrategyTest {

  private final JobStrategy strategy = new JobStrategy();

  private Job job(String restartPolicy) {
    Job job = new JobBuilder().withNewMetadata().withName("pi").withNamespace("default").withUid("uid-1").endMetadata()
        .withNewSpec().withNewTemplate().withNewSpec().withRestartPolicy(restartPolicy).addNewContainer()
        .withName("pi").withImage("perl:5.34").endContainer().endSpec().endTemplate().endSpec().build();
    strategy.applyDefaults(job);
    strategy.prepareForCreate(job);
    return job;
  }

  @Test
  void newJobGetsDefaultsAndAGeneratedSelector() {
    Job job = job("Never");
    var spec = job.getSpec();
    assertThat(spec.getCompletions()).isEqualTo(1);
    assertThat(spec.getParallelism()).isEqualTo(1);
    assertThat(spec.getBackoffLimit()).isEqualTo(6);
    assertThat(spec.getCompletionMode()).isEqualTo("NonIndexed");
    assertThat(spec.getSuspend()).isFalse();
    assertThat(spec.getPodReplacementPolicy()).isEqualTo("TerminatingOrFailed");
    assertThat(spec.getSelector().getMatchLabels()).containsEntry("batch.kubernetes.io/controller-uid", "uid-1");
    assertThat(spec.getTemplate().getMetadata().getLabels()).containsEntry("controller-uid", "uid-1")
        .containsEntry("job-name", "pi").containsEntry("batch.kubernetes.io/job-name", "pi");
    assertThat(job.getMetadata().getLabels()).containsEntry("batch.kubernetes.io/job-name", "pi");
    assertThat(strategy.validate(job)).isEmpty();
  }

  @Test
  void defaultedRestartPolicyAlwaysIsRejected() {
    assertThat(strategy.validate(job(null))).extracting(FieldError::message).containsExactly(
        "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"");
  }

  @Test
  void templateOfARunningJobIsImmutable() {
    Job old = job("Never");
    old.getMetadata().setResourceVersion("1");
    Job update = new JobBuilder(old).editSpec().editTemplate().editSpec().editFirstContainer().withImage("perl:5.36")
        .endContainer().endSpec().endTemplate().endSpec().build();
    assertThat(strategy.validateUpdate(update, old)).extracting(FieldError::message)
        .containsExactly("spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable");
  }

  @Test
  void selectableBySucceededCount() {
    assertThat(strategy.selectableFields(job("Never"))).containsEntry("status.successful", "0");
  }
}
