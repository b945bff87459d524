package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.controllermanager.ControllerManagerOptions;
import io.kube4j.controllermanager.e2e.SimulatedKubelets.Behaviour;
import io.kube4j.controllermanager.job.JobController;
import io.kube4j.controllermanager.job.PodFailureBackoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Job controller against a real apiserver, with simulated kubelets running the pods and the real
 * kubectl. The controller runs outside the controller-manager here only to shrink the failure
 * backoff to 2 s (doubling to 4 s, 8 s) so the backoff limit is reached in seconds.
 */
class JobControllerIT {

  static final Duration TIMEOUT = Duration.ofSeconds(40);
  static final String NS = "default";
  static ControllerManagerEnvironment env;
  static KubernetesClient admin;
  static SimulatedKubelets kubelets;
  static ControllersUnderTest own;
  static SharedIndexInformer<Pod> pods;
  /** Per job: when each of its pods was first seen, and the most pods seen active at once. */
  static final Map<String, List<Instant>> created = new ConcurrentHashMap<>();
  static final Map<String, AtomicInteger> maxActive = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() {
    ControllerManagerOptions[] options = new ControllerManagerOptions[1];
    env = ControllerManagerEnvironment.start("job-it", TestCluster::startWithFullAdmission, o -> {
      options[0] = ControllersUnderTest.without(o, "job");
      return options[0];
    });
    admin = env.admin;
    own = new ControllersUnderTest(options[0]);
    own.add(JobController.start(own.context(), Clock.systemUTC(),
        new PodFailureBackoff(Duration.ofSeconds(2), Duration.ofSeconds(60))));
    own.startInformers();
    kubelets = new SimulatedKubelets(admin, "node", 3);
    pods = admin.pods().inNamespace(NS).inform(new ResourceEventHandler<>() {
      @Override public void onAdd(Pod p) {
        created.computeIfAbsent(jobOf(p), k -> new ArrayList<>()).add(Instant.now());
        observe(p);
      }
      @Override public void onUpdate(Pod o, Pod p) { observe(p); }
      @Override public void onDelete(Pod p, boolean unknown) { }
    });
    Conditions.await("default service account", TIMEOUT,
        () -> admin.serviceAccounts().inNamespace(NS).withName("default").get() != null);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {pods, kubelets, own, env}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // closing anyway
      }
    }
  }

  private static String jobOf(Pod p) {
    return p.getMetadata().getLabels() == null ? "" : p.getMetadata().getLabels().getOrDefault("job-name", "");
  }

  /** Records how many of the pod's Job's pods are active now. */
  private static synchronized void observe(Pod p) {
    String job = jobOf(p);
    long active = pods == null ? 0 : pods.getStore().list().stream().filter(q -> jobOf(q).equals(job))
        .filter(q -> q.getMetadata().getDeletionTimestamp() == null
            && !"Succeeded".equals(q.getStatus().getPhase()) && !"Failed".equals(q.getStatus().getPhase())).count();
    maxActive.computeIfAbsent(job, k -> new AtomicInteger()).accumulateAndGet((int) active, Math::max);
  }

  @Test
  void parallelismThreeRunsThreeAtATimeUntilSixCompletions() {
    kubelets.behave(pod -> Behaviour.READY);
    create("six", j -> j.editSpec().withParallelism(3).withCompletions(6).endSpec());
    Conditions.await("3 pods Running", TIMEOUT, () -> podsOf("six").stream()
        .filter(p -> "Running".equals(p.getStatus().getPhase())).count() == 3);
    assertThat(job("six").getStatus().getActive()).isEqualTo(3);
    Conditions.await("status.ready 3", TIMEOUT, () -> Integer.valueOf(3).equals(job("six").getStatus().getReady()));

    kubelets.behave(pod -> Behaviour.SUCCEED);
    podsOf("six").forEach(p -> kubelets.set(p, Behaviour.SUCCEED));
    Conditions.await("six Complete", TIMEOUT, () -> isTrue(job("six"), "Complete"));

    Job six = job("six");
    assertThat(six.getStatus().getSucceeded()).isEqualTo(6);
    assertThat(six.getStatus().getActive()).isZero();
    assertThat(six.getStatus().getCompletionTime()).isNotNull();
    assertThat(six.getStatus().getConditions()).extracting(JobCondition::getType)
        .containsExactly("SuccessCriteriaMet", "Complete");
    assertThat(maxActive.get("six").get()).isEqualTo(3);
    assertThat(podsOf("six")).hasSize(6).allSatisfy(p -> {
      assertThat(p.getStatus().getPhase()).isEqualTo("Succeeded");
      assertThat(p.getMetadata().getFinalizers()).doesNotContain("batch.kubernetes.io/job-tracking");
    });
    Conditions.await("6 SuccessfulCreate and a Completed event", TIMEOUT,
        () -> events("six", "SuccessfulCreate").size() == 6 && events("six", "Completed").size() == 1);
    assertThat(env.kubectl().run("get", "job", "six").assertOk().out()).containsPattern("six\\s+Complete\\s+6/6");

    // the counts live in the Job, not in its pods: deleting them changes nothing
    admin.pods().inNamespace(NS).withLabel("job-name", "six").delete();
    Conditions.await("six's pods gone", TIMEOUT, () -> podsOf("six").isEmpty());
    assertThat(job("six").getStatus().getSucceeded()).isEqualTo(6);
  }

  @Test
  void failingPodsAreRecreatedWithGrowingDelaysUntilTheBackoffLimit() {
    kubelets.behave(pod -> jobOf(pod).equals("flaky") ? Behaviour.FAIL : Behaviour.READY);
    Instant start = Instant.now();
    create("flaky", j -> j.editSpec().withBackoffLimit(3).endSpec());
    Conditions.await("flaky Failed", Duration.ofSeconds(60), () -> isTrue(job("flaky"), "Failed"));

    Job flaky = job("flaky");
    JobCondition failed = condition(flaky, "Failed").orElseThrow();
    assertThat(failed.getReason()).isEqualTo("BackoffLimitExceeded");
    assertThat(failed.getMessage()).isEqualTo("Job has reached the specified backoff limit");
    assertThat(condition(flaky, "FailureTarget")).hasValueSatisfying(c -> assertThat(c.getReason())
        .isEqualTo("BackoffLimitExceeded"));
    assertThat(flaky.getStatus().getFailed()).isEqualTo(4);
    List<Instant> times = created.get("flaky");
    assertThat(times).hasSize(4);
    // delays of 2 s, 4 s, 8 s (each less up to 1 s: the kubelet's finish times are whole seconds)
    Duration g1 = Duration.between(times.get(0), times.get(1));
    Duration g2 = Duration.between(times.get(1), times.get(2));
    Duration g3 = Duration.between(times.get(2), times.get(3));
    assertThat(g2).isGreaterThan(g1);
    assertThat(g3).isGreaterThan(g2);
    assertThat(g3).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(60));
    Conditions.await("BackoffLimitExceeded event", TIMEOUT, () -> events("flaky", "BackoffLimitExceeded").stream()
        .anyMatch(e -> e.getMessage().equals("Job has reached the specified backoff limit")));
  }

  @Test
  void anIndexedJobCompletesEveryIndex() {
    kubelets.behave(pod -> Behaviour.SUCCEED);
    create("idx", j -> j.editSpec().withCompletionMode("Indexed").withCompletions(4).withParallelism(2)
        .editTemplate().editSpec().withSubdomain("workers").endSpec().endTemplate().endSpec());
    Conditions.await("idx Complete", TIMEOUT, () -> isTrue(job("idx"), "Complete"));

    assertThat(job("idx").getStatus().getCompletedIndexes()).isEqualTo("0-3");
    assertThat(job("idx").getStatus().getSucceeded()).isEqualTo(4);
    List<Pod> all = podsOf("idx");
    assertThat(all).extracting(p -> p.getMetadata().getAnnotations().get("batch.kubernetes.io/job-completion-index"))
        .containsExactlyInAnyOrder("0", "1", "2", "3");
    assertThat(all).allSatisfy(p -> {
      String ix = p.getMetadata().getLabels().get("batch.kubernetes.io/job-completion-index");
      assertThat(p.getMetadata().getName()).startsWith("idx-" + ix + "-");
      assertThat(p.getSpec().getHostname()).isEqualTo("idx-" + ix);
      assertThat(p.getSpec().getSubdomain()).isEqualTo("workers");
      assertThat(p.getSpec().getContainers().get(0).getEnv()).anySatisfy(e -> {
        assertThat(e.getName()).isEqualTo("JOB_COMPLETION_INDEX");
        assertThat(e.getValueFrom().getFieldRef().getFieldPath())
            .isEqualTo("metadata.labels['batch.kubernetes.io/job-completion-index']");
      });
    });
  }

  @Test
  void aSuspendedJobRunsNothingUntilResumedAndSuspendingAgainStopsItsPods() {
    kubelets.behave(pod -> Behaviour.READY);
    create("later", j -> j.editSpec().withSuspend(true).withParallelism(2).withCompletions(2).endSpec());
    Conditions.await("Suspended condition", TIMEOUT, () -> isTrue(job("later"), "Suspended"));
    assertThat(podsOf("later")).isEmpty();
    assertThat(job("later").getStatus().getStartTime()).isNull();

    env.kubectl().run("patch", "job", "later", "--type=merge", "-p", "{\"spec\":{\"suspend\":false}}").assertOk();
    Conditions.await("2 pods running", TIMEOUT, () -> podsOf("later").stream()
        .filter(p -> "Running".equals(p.getStatus().getPhase())).count() == 2);
    Job resumed = job("later");
    assertThat(condition(resumed, "Suspended")).hasValueSatisfying(c -> {
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("JobResumed");
    });
    assertThat(resumed.getStatus().getStartTime()).isNotNull();

    env.kubectl().run("patch", "job", "later", "--type=merge", "-p", "{\"spec\":{\"suspend\":true}}").assertOk();
    Conditions.await("pods deleted, Suspended again", TIMEOUT,
        () -> podsOf("later").isEmpty() && isTrue(job("later"), "Suspended"));
    Job suspended = job("later");
    assertThat(suspended.getStatus().getActive()).isZero();
    assertThat(suspended.getStatus().getFailed()).as("pods stopped on purpose are not failures").isNull();
    Conditions.await("Suspended and Resumed events", TIMEOUT,
        () -> events("later", "Suspended").size() == 2 && events("later", "Resumed").size() == 1);
  }

  @Test
  void aJobRunningPastItsActiveDeadlineFails() {
    kubelets.behave(pod -> Behaviour.READY);
    create("slow", j -> j.editSpec().withActiveDeadlineSeconds(3L).withParallelism(2).withCompletions(4).endSpec());
    Conditions.await("slow Failed", TIMEOUT, () -> isTrue(job("slow"), "Failed"));
    Job slow = job("slow");
    assertThat(condition(slow, "Failed").orElseThrow().getReason()).isEqualTo("DeadlineExceeded");
    assertThat(Duration.between(Instant.parse(slow.getStatus().getStartTime()),
        Instant.parse(condition(slow, "Failed").orElseThrow().getLastTransitionTime())))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(slow.getStatus().getActive()).isZero();
    Conditions.await("pods gone", TIMEOUT, () -> podsOf("slow").isEmpty());
    Conditions.await("DeadlineExceeded event", TIMEOUT, () -> events("slow", "DeadlineExceeded").stream()
        .anyMatch(e -> e.getMessage().equals("Job was active longer than specified deadline")));
  }

  @Test
  void aFailJobRuleFailsTheJobAtTheFirstMatchingFailure() {
    kubelets.behave(pod -> jobOf(pod).equals("strict") ? Behaviour.FAIL : Behaviour.READY);
    create("strict", j -> j.editSpec().withBackoffLimit(6).withNewPodFailurePolicy().addNewRule()
        .withAction("FailJob").withNewOnExitCodes().withOperator("In").withValues(1).endOnExitCodes().endRule()
        .endPodFailurePolicy().endSpec());
    Conditions.await("strict Failed", TIMEOUT, () -> isTrue(job("strict"), "Failed"));
    JobCondition failed = condition(job("strict"), "Failed").orElseThrow();
    assertThat(failed.getReason()).isEqualTo("PodFailurePolicy");
    assertThat(failed.getMessage()).matches("Container c for pod default/strict-\\w+ failed with exit code 1 "
        + "matching FailJob rule at index 0");
    assertThat(created.get("strict")).hasSize(1);
  }

  @Test
  void aWorkQueueJobCompletesWhenOnePodSucceedsAndTheOthersStop() {
    kubelets.behave(pod -> Behaviour.READY);
    create("queue", j -> j.editSpec().withParallelism(3).withCompletions(null).endSpec());
    Conditions.await("3 running", TIMEOUT, () -> podsOf("queue").stream()
        .filter(p -> "Running".equals(p.getStatus().getPhase())).count() == 3);
    List<Pod> running = podsOf("queue");
    kubelets.set(running.get(0), Behaviour.SUCCEED);
    Conditions.await("no new pod while others run", TIMEOUT,
        () -> Integer.valueOf(1).equals(job("queue").getStatus().getSucceeded()));
    assertThat(isTrue(job("queue"), "Complete")).isFalse();
    kubelets.set(running.get(1), Behaviour.SUCCEED);
    kubelets.set(running.get(2), Behaviour.SUCCEED);
    Conditions.await("queue Complete", TIMEOUT, () -> isTrue(job("queue"), "Complete"));
    assertThat(podsOf("queue")).hasSize(3);
    assertThat(job("queue").getStatus().getSucceeded()).isEqualTo(3);
  }

  @Test
  void aFinishedJobWithATtlIsDeletedByTheTtlAfterFinishedController() {
    kubelets.behave(pod -> Behaviour.SUCCEED);
    create("brief", j -> j.editSpec().withTtlSecondsAfterFinished(1).endSpec());
    Conditions.await("brief deleted after completing", TIMEOUT, () -> {
      Job j = admin.batch().v1().jobs().inNamespace(NS).withName("brief").get();
      return j == null || j.getMetadata().getDeletionTimestamp() != null;
    });
    Conditions.await("its pods deleted too", TIMEOUT, () -> podsOf("brief").isEmpty());
  }

  private static void create(String name, UnaryOperator<JobBuilder> tune) {
    JobBuilder b = new JobBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec().withNewTemplate().withNewSpec().withRestartPolicy("Never")
        .addNewContainer().withName("c").withImage("busybox").endContainer().endSpec().endTemplate().endSpec();
    admin.batch().v1().jobs().inNamespace(NS).resource(tune.apply(b).build()).create();
  }

  private static Job job(String name) {
    return admin.batch().v1().jobs().inNamespace(NS).withName(name).get();
  }

  private static List<Pod> podsOf(String job) {
    return admin.pods().inNamespace(NS).withLabel("job-name", job).list().getItems();
  }

  private static Optional<JobCondition> condition(Job job, String type) {
    return job.getStatus() == null || job.getStatus().getConditions() == null ? Optional.empty()
        : job.getStatus().getConditions().stream().filter(c -> c.getType().equals(type)).findFirst();
  }

  private static boolean isTrue(Job job, String type) {
    return job != null && condition(job, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  private static List<Event> events(String job, String reason) {
    return admin.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> job.equals(e.getInvolvedObject().getName()) && "Job".equals(e.getInvolvedObject().getKind())
            && reason.equals(e.getReason())).toList();
  }
}
