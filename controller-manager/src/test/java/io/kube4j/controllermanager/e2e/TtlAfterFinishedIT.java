package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.TestCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A finished Job with ttlSecondsAfterFinished is deleted once its time is up, and not before. */
class TtlAfterFinishedIT {

  static ControllerManagerEnvironment env;
  static KubernetesClient admin;

  @BeforeAll
  static void start() {
    env = ControllerManagerEnvironment.start("ttl-it", TestCluster::start, o -> o);
    admin = env.admin;
  }

  @AfterAll
  static void stop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void aFinishedJobGoesWhenItsTtlIsUp() {
    job("short-lived", 2);
    job("kept", null);
    Instant finished = complete("short-lived");
    complete("kept");

    Conditions.await("short-lived deleted", Duration.ofSeconds(15), () -> deletionRequested("short-lived"));
    assertThat(Duration.between(finished, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(deletionRequested("kept")).isFalse();
  }

  private static void job(String name, Integer ttl) {
    admin.batch().v1().jobs().inNamespace("default").resource(new JobBuilder().withNewMetadata().withName(name)
        .endMetadata().withNewSpec().withTtlSecondsAfterFinished(ttl).withNewTemplate().withNewSpec()
        .withRestartPolicy("Never").addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
        .endTemplate().endSpec().build()).create();
  }

  /** What the job controller writes when the Job's pods succeeded. */
  private static Instant complete(String name) {
    Instant now = Instant.now();
    admin.batch().v1().jobs().inNamespace("default").withName(name).editStatus(j -> {
      j.getStatus().setStartTime(now.toString());
      j.getStatus().setCompletionTime(now.toString());
      j.getStatus().setSucceeded(1);
      j.getStatus().setConditions(List.of(
          new JobConditionBuilder().withType("SuccessCriteriaMet").withStatus("True")
              .withLastTransitionTime(now.toString()).build(),
          new JobConditionBuilder().withType("Complete").withStatus("True")
              .withLastTransitionTime(now.toString()).build()));
      return j;
    });
    return now;
  }

  /** Gone, or marked for (foreground) deletion. */
  private static boolean deletionRequested(String name) {
    Job job = admin.batch().v1().jobs().inNamespace("default").withName(name).get();
    return job == null || job.getMetadata().getDeletionTimestamp() != null;
  }
}
