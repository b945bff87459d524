package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.controllermanager.ControllerManagerOptions;
import io.kube4j.controllermanager.cronjob.CronJobController;
import io.kube4j.controllermanager.e2e.SimulatedKubelets.Behaviour;
import io.kube4j.controllermanager.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CronJob controller with "every minute" schedules, without waiting minutes: it runs on a
 * {@link FakeClock} the test moves forward a minute at a time. The controller sleeps until its next
 * scheduled time in real time, so after moving the clock the test wakes it the way any change
 * does: it updates the CronJob (an annotation), and the informer event queues it. Jobs and pods are
 * run by the controller-manager's own Job controller and the simulated kubelets.
 */
class CronJobControllerIT {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final String NS = "default";
  static ControllerManagerEnvironment env;
  static KubernetesClient admin;
  static SimulatedKubelets kubelets;
  static ControllersUnderTest own;
  /** Starts at the next whole minute after now, plus 5 s (the apiserver stamps creation in real time). */
  static FakeClock clock;

  @BeforeAll
  static void start() {
    ControllerManagerOptions[] options = new ControllerManagerOptions[1];
    env = ControllerManagerEnvironment.start("cronjob-it", TestCluster::startWithFullAdmission, o -> {
      options[0] = ControllersUnderTest.without(o, "cronjob");
      return options[0];
    });
    admin = env.admin;
    clock = new FakeClock(Instant.now(), ZoneOffset.UTC);
    own = new ControllersUnderTest(options[0]);
    own.add(CronJobController.start(own.context(), clock));
    own.startInformers();
    kubelets = new SimulatedKubelets(admin, "node", 2);
    Conditions.await("default service account", TIMEOUT,
        () -> admin.serviceAccounts().inNamespace(NS).withName("default").get() != null);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {kubelets, own, env}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // closing anyway
      }
    }
  }

  /**
   * Each test starts at real time, so its new CronJob (created in real time by the apiserver) has no
   * time due until the test moves the clock.
   */
  @BeforeEach
  void realTime() {
    clock.setTime(Instant.now());
  }

  @Test
  void allowRunsOverlappingJobsOneEachMinute() {
    kubelets.behave(pod -> Behaviour.READY);
    create("allow", c -> c.editSpec().withConcurrencyPolicy("Allow").endSpec());
    Instant first = tick("allow");
    Conditions.await("first job", TIMEOUT, () -> jobsOf("allow").size() == 1);
    Instant second = tick("allow");
    Conditions.await("two active jobs", TIMEOUT, () -> active("allow").size() == 2);

    List<Job> jobs = jobsOf("allow");
    assertThat(jobs).extracting(j -> j.getMetadata().getName()).containsExactlyInAnyOrder(
        "allow-" + first.getEpochSecond() / 60, "allow-" + second.getEpochSecond() / 60);
    assertThat(jobs).extracting(j -> j.getMetadata().getAnnotations().get("batch.kubernetes.io/cronjob-scheduled-timestamp"))
        .containsExactlyInAnyOrder(first.toString(), second.toString());
    assertThat(cronJob("allow").getStatus().getLastScheduleTime()).isEqualTo(second.toString());
    Conditions.await("SuccessfulCreate events", TIMEOUT, () -> events("allow", "SuccessfulCreate").size() == 2);
    Conditions.await("both jobs running pods", TIMEOUT,
        () -> admin.pods().inNamespace(NS).list().getItems().stream()
            .filter(p -> p.getMetadata().getName().startsWith("allow-")).count() == 2);

    String table = env.kubectl().run("get", "cronjob", "allow").assertOk().out();
    assertThat(table.lines().findFirst().orElseThrow()).contains("LAST SCHEDULE");
    // LAST SCHEDULE is set; kubectl shows a time after its own (real) clock as <invalid>
    assertThat(table).containsPattern("allow\\s+\\* \\* \\* \\* \\*\\s+<none>\\s+False\\s+2\\s+(?!<none>)\\S+\\s+\\d+s");
  }

  @Test
  void forbidSkipsARunWhileThePreviousOneIsActive() {
    kubelets.behave(pod -> Behaviour.READY);
    create("forbid", c -> c.editSpec().withConcurrencyPolicy("Forbid").endSpec());
    tick("forbid");
    Conditions.await("first job", TIMEOUT, () -> active("forbid").size() == 1);
    Instant skipped = tick("forbid");
    Conditions.await("JobAlreadyActive", TIMEOUT, () -> !events("forbid", "JobAlreadyActive").isEmpty());
    assertThat(jobsOf("forbid")).hasSize(1);

    // the running job finishes: the skipped time, still unmet and without a starting deadline, runs now
    String firstJob = jobsOf("forbid").get(0).getMetadata().getName();
    admin.pods().inNamespace(NS).withLabel("job-name", firstJob).list().getItems()
        .forEach(p -> kubelets.set(p, Behaviour.SUCCEED));
    String late = "forbid-" + skipped.getEpochSecond() / 60;
    Conditions.await("the skipped time run once the first finished", TIMEOUT,
        () -> active("forbid").stream().map(ObjectReference::getName).toList().equals(List.of(late))
            && cronJob("forbid").getStatus().getLastSuccessfulTime() != null);
    // (twice if the status write after the event lost a conflict and the sync ran again, as upstream)
    assertThat(events("forbid", "SawCompletedJob")).extracting(Event::getMessage).isNotEmpty()
        .allMatch(m -> m.equals("Saw completed job: " + firstJob + ", status: Complete"));
    assertThat(jobsOf("forbid")).hasSize(2);
  }

  @Test
  void replaceDeletesTheRunningJobForTheNewOne() {
    kubelets.behave(pod -> Behaviour.READY);
    create("replace", c -> c.editSpec().withConcurrencyPolicy("Replace").endSpec());
    Instant first = tick("replace");
    Conditions.await("first job", TIMEOUT, () -> active("replace").size() == 1);
    Instant second = tick("replace");
    String firstJob = "replace-" + first.getEpochSecond() / 60;
    String secondJob = "replace-" + second.getEpochSecond() / 60;
    Conditions.await("first replaced by second", TIMEOUT, () -> active("replace").stream()
        .map(ObjectReference::getName).toList().equals(List.of(secondJob)));
    Conditions.await("first job and its pod gone", TIMEOUT,
        () -> admin.batch().v1().jobs().inNamespace(NS).withName(firstJob).get() == null
            && admin.pods().inNamespace(NS).withLabel("job-name", firstJob).list().getItems().isEmpty());
    assertThat(events("replace", "SuccessfulDelete")).extracting(Event::getMessage)
        .containsExactly("Deleted job " + firstJob);
  }

  @Test
  void onlyTheNewestSuccessfulJobIsKeptWithAHistoryLimitOfOne() {
    kubelets.behave(pod -> Behaviour.SUCCEED);
    create("history", c -> c.editSpec().withSuccessfulJobsHistoryLimit(1).endSpec());
    String last = null;
    for (int i = 1; i <= 3; i++) {
      last = "history-" + tick("history").getEpochSecond() / 60;
      String name = last;
      Conditions.await(name + " complete", TIMEOUT, () -> {
        Job j = admin.batch().v1().jobs().inNamespace(NS).withName(name).get();
        return j != null && j.getStatus() != null && j.getStatus().getSucceeded() != null
            && j.getStatus().getSucceeded() == 1 && j.getStatus().getCompletionTime() != null;
      });
    }
    String newest = last;
    Conditions.await("only the newest kept", TIMEOUT, () -> jobsOf("history").stream()
        .map(j -> j.getMetadata().getName()).toList().equals(List.of(newest)));
    Conditions.await("two SuccessfulDelete events", TIMEOUT, () -> events("history", "SuccessfulDelete").size() == 2);
  }

  @Test
  void aTimePastItsStartingDeadlineIsNotRun() {
    kubelets.behave(pod -> Behaviour.SUCCEED);
    create("deadline", c -> c.editSpec().withStartingDeadlineSeconds(10L).endSpec());
    // 30 s after the minute: too late for that minute
    clock.setTime(nextMinute().plusSeconds(30));
    touch("deadline");
    Instant onTime = tick("deadline");
    Conditions.await("the on-time run", TIMEOUT, () -> jobsOf("deadline").size() == 1);
    assertThat(jobsOf("deadline").get(0).getMetadata().getName()).isEqualTo("deadline-" + onTime.getEpochSecond() / 60);
  }

  @Test
  void afterMoreThanAHundredMissedTimesOnlyTheLatestRunsWithAWarning() {
    kubelets.behave(pod -> Behaviour.SUCCEED);
    create("missed", c -> c);
    Instant latest = nextMinute().plus(Duration.ofMinutes(200));
    clock.setTime(latest.plusSeconds(5));
    touch("missed");
    Conditions.await("TooManyMissedTimes and one job", TIMEOUT,
        () -> !events("missed", "TooManyMissedTimes").isEmpty() && jobsOf("missed").size() == 1);
    assertThat(jobsOf("missed").get(0).getMetadata().getName()).isEqualTo("missed-" + latest.getEpochSecond() / 60);
  }

  @Test
  void aTimeZoneSchedulesInThatZone() {
    kubelets.behave(pod -> Behaviour.SUCCEED);
    create("tokyo", c -> c.editSpec().withSchedule("0 9 * * *").withTimeZone("Asia/Tokyo").endSpec());
    // 09:00 in Tokyo is 00:00 UTC
    Instant nineInTokyo = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
    clock.setTime(nineInTokyo.plusSeconds(5));
    touch("tokyo");
    Conditions.await("the 09:00 JST job", TIMEOUT, () -> jobsOf("tokyo").size() == 1);
    Job job = jobsOf("tokyo").get(0);
    assertThat(job.getMetadata().getName()).isEqualTo("tokyo-" + nineInTokyo.getEpochSecond() / 60);
    assertThat(job.getMetadata().getAnnotations()).containsEntry("batch.kubernetes.io/cronjob-scheduled-timestamp",
        nineInTokyo.atZone(java.time.ZoneId.of("Asia/Tokyo")).toOffsetDateTime().toString().replace("09:00+", "09:00:00+"));
  }

  @Test
  void kubectlCreateJobFromACronJobRunsItsTemplateNow() {
    kubelets.behave(pod -> Behaviour.SUCCEED);
    create("manual", c -> c.editSpec().withSuspend(true).endSpec());
    env.kubectl().run("create", "job", "by-hand", "--from=cronjob/manual").assertOk();
    Conditions.await("by-hand complete", TIMEOUT, () -> {
      Job j = admin.batch().v1().jobs().inNamespace(NS).withName("by-hand").get();
      return j != null && j.getStatus() != null && j.getStatus().getCompletionTime() != null;
    });
    Job j = admin.batch().v1().jobs().inNamespace(NS).withName("by-hand").get();
    assertThat(j.getMetadata().getAnnotations()).containsEntry("cronjob.kubernetes.io/instantiate", "manual");
    assertThat(j.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("busybox");
  }

  @Test
  void theApiserverRefusesATzPrefixInTheSchedule() {
    var result = env.kubectl().run("create", "cronjob", "tz", "--image=busybox", "--schedule=TZ=UTC * * * * *");
    assertThat(result.exit()).isNotZero();
    assertThat(result.err()).contains("cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
  }

  private static void create(String name, UnaryOperator<CronJobBuilder> tune) {
    CronJobBuilder b = new CronJobBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec().withSchedule("* * * * *").withNewJobTemplate().withNewSpec().withBackoffLimit(0)
        .withNewTemplate().withNewSpec().withRestartPolicy("Never").addNewContainer().withName("c")
        .withImage("busybox").endContainer().endSpec().endTemplate().endSpec().endJobTemplate().endSpec();
    admin.batch().v1().cronjobs().inNamespace(NS).resource(tune.apply(b).build()).create();
  }

  /** The next whole minute after the fake clock's now. */
  private static Instant nextMinute() {
    return clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
  }

  /**
   * Moves the clock to 5 s past the next minute, wakes the controller, returns that minute. First
   * waits until the controller's caches show the CronJob and its Jobs as the apiserver has them: a
   * minute passes in a blink here, where for real the controller would have seen its own last write
   * long before the next run (with a stale cache, Forbid could run two, as upstream warns).
   */
  private static Instant tick(String name) {
    SharedIndexInformer<CronJob> cronJobs = own.context().informers().forType(CronJob.class);
    SharedIndexInformer<Job> jobs = own.context().informers().forType(Job.class);
    Conditions.await("the controller's caches up to date", TIMEOUT, () -> {
      CronJob cached = cronJobs.getStore().getByKey(NS + "/" + name);
      return cached != null && cached.getMetadata().getResourceVersion()
          .equals(cronJob(name).getMetadata().getResourceVersion())
          && jobsOf(name).stream().allMatch(j -> jobs.getStore().getByKey(NS + "/" + j.getMetadata().getName()) != null);
    });
    Instant minute = nextMinute();
    clock.setTime(minute.plusSeconds(5));
    touch(name);
    return minute;
  }

  /** Any update wakes the controller for this CronJob. */
  private static void touch(String name) {
    // the controller may be writing the status meanwhile: a conflict is retried
    for (int attempt = 0; ; attempt++) {
      try {
        admin.batch().v1().cronjobs().inNamespace(NS).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\"test/now\":\"" + clock.instant() + "\"}}}");
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 10) {
          throw e;
        }
      }
    }
  }

  private static CronJob cronJob(String name) {
    return admin.batch().v1().cronjobs().inNamespace(NS).withName(name).get();
  }

  private static List<ObjectReference> active(String name) {
    CronJob cj = cronJob(name);
    return cj.getStatus() == null || cj.getStatus().getActive() == null ? List.of() : cj.getStatus().getActive();
  }

  private static List<Job> jobsOf(String cronJob) {
    return admin.batch().v1().jobs().inNamespace(NS).list().getItems().stream()
        .filter(j -> j.getMetadata().getOwnerReferences() != null && j.getMetadata().getOwnerReferences().stream()
            .anyMatch(r -> r.getKind().equals("CronJob") && r.getName().equals(cronJob)))
        .filter(j -> j.getMetadata().getDeletionTimestamp() == null).toList();
  }

  private static List<Event> events(String cronJob, String reason) {
    return admin.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> cronJob.equals(e.getInvolvedObject().getName()) && "CronJob".equals(e.getInvolvedObject().getKind())
            && reason.equals(e.getReason())).toList();
  }
}
