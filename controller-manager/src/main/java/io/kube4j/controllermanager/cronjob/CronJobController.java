package io.kube4j.controllermanager.cronjob;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.controller.Keys;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import io.kube4j.controllermanager.cronjob.cron.CronParser;
import io.kube4j.controllermanager.cronjob.cron.CronSyntaxException;
import io.kube4j.controllermanager.cronjob.cron.Schedule;
import io.kube4j.controllermanager.record.ApiEventRecorder;
import io.kube4j.controllermanager.record.EventRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The CronJob controller ({@code ControllerV2}). Each sync of a CronJob ({@link #reconcile}) first
 * deletes finished Jobs beyond the history limits, then runs {@link SyncCronJob}, writes the status
 * once if anything changed, and puts the CronJob back on the queue for its next scheduled time: the
 * controller does not poll, it sleeps until then (or until a Job or the CronJob changes).
 *
 * <p>All time comes from the {@link Clock} given at start; its zone is the "local" zone in which
 * schedules without {@code spec.timeZone} are read (the controller-manager passes the system
 * default zone, as upstream reads them in its process's local zone).
 */
public final class CronJobController implements AutoCloseable {

  public static final String NAME = "cronjob-controller";
  public static final String SERVICE_ACCOUNT = "cronjob-controller";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("cronjob"), false,
      context -> start(context, Clock.systemDefaultZone()));
  /** {@code --concurrent-cron-job-syncs}. */
  static final int WORKERS = 5;

  private final SharedIndexInformer<CronJob> cronJobs;
  private final SharedIndexInformer<Job> jobs;
  private final KubernetesClient client;
  private final Clock clock;
  private final ReconcileLoop loop;
  private final ApiEventRecorder recorder;
  private final SyncCronJob syncCronJob;

  private CronJobController(ControllerContext context, Clock clock) {
    this.cronJobs = context.informers().forType(CronJob.class);
    this.jobs = context.informers().forType(Job.class);
    this.client = context.clientFor(SERVICE_ACCOUNT);
    this.clock = clock;
    // events carry real time: their names (object + timestamp) must differ even when a test stops the clock
    this.recorder = new ApiEventRecorder(client, NAME, Clock.systemUTC());
    this.loop = context.loop("cronjob", this::reconcile);
    this.syncCronJob = new SyncCronJob(client, clock, recorder);
  }

  /**
   * Starts the controller on {@code clock}: its instant is "now" for every schedule decision, its
   * zone the zone of schedules without {@code spec.timeZone}.
   */
  public static CronJobController start(ControllerContext context, Clock clock) {
    CronJobController c = new CronJobController(context, clock);
    c.cronJobs.addEventHandler(c.new CronJobHandler());
    c.jobs.addEventHandler(c.new JobHandler());
    c.loop.start(WORKERS);
    return c;
  }

  /** {@code sync}: history cleanup, {@code syncCronJob}, one status write, the next wake-up. */
  void reconcile(String key) {
    CronJob cached = cronJobs.getIndexer().getByKey(key);
    if (cached == null) {
      return;
    }
    List<Job> owned = jobsToBeReconciled(cached);
    CronJob cj = new CronJobBuilder(cached).build(); // all edits on a copy, written at most once
    if (cj.getStatus() == null) {
      cj.setStatus(new CronJobStatus());
    }
    boolean updateAfterCleanup = cleanupFinishedJobs(cj, owned);
    SyncCronJob.Result result = syncCronJob.sync(cj, owned);
    if (updateAfterCleanup || result.updateStatus()) {
      client.batch().v1().cronjobs().inNamespace(cj.getMetadata().getNamespace()).resource(result.cronJob())
          .updateStatus();
    }
    result.requeueAfter().ifPresent(d -> loop.queue().addAfter(key, d));
    if (result.error() != null) {
      throw result.error();
    }
  }

  /**
   * {@code getJobsToBeReconciled}: Jobs whose controller reference names this CronJob (by name, as
   * upstream: Jobs whose labels no longer match the template are still its own).
   */
  private List<Job> jobsToBeReconciled(CronJob cj) {
    return jobs.getIndexer().byIndex(Cache.NAMESPACE_INDEX, cj.getMetadata().getNamespace()).stream()
        .filter(j -> controllerOf(j).map(r -> r.getName().equals(cj.getMetadata().getName())).orElse(false))
        .toList();
  }

  /**
   * {@code cleanupFinishedJobs}: deletes the oldest finished Jobs beyond
   * {@code successfulJobsHistoryLimit} and {@code failedJobsHistoryLimit}.
   */
  private boolean cleanupFinishedJobs(CronJob cj, List<Job> owned) {
    Integer successfulLimit = cj.getSpec().getSuccessfulJobsHistoryLimit();
    Integer failedLimit = cj.getSpec().getFailedJobsHistoryLimit();
    if (successfulLimit == null && failedLimit == null) {
      return false;
    }
    List<Job> successful = new ArrayList<>();
    List<Job> failed = new ArrayList<>();
    for (Job j : owned) {
      Optional<String> finished = CronJobs.finishedStatus(j);
      if (finished.filter("Complete"::equals).isPresent()) {
        successful.add(j);
      } else if (finished.filter("Failed"::equals).isPresent()) {
        failed.add(j);
      }
    }
    boolean update = successfulLimit != null && removeOldestJobs(cj, successful, successfulLimit);
    update |= failedLimit != null && removeOldestJobs(cj, failed, failedLimit);
    return update;
  }

  private boolean removeOldestJobs(CronJob cj, List<Job> finished, int max) {
    int toDelete = finished.size() - max;
    if (toDelete <= 0) {
      return false;
    }
    List<Job> sorted = new ArrayList<>(finished);
    sorted.sort(CronJobs.BY_START_TIME);
    boolean update = false;
    for (int i = 0; i < toDelete; i++) {
      update |= syncCronJob.deleteJob(cj, sorted.get(i));
    }
    return update;
  }

  static Optional<OwnerReference> controllerOf(Job job) {
    List<OwnerReference> refs = job.getMetadata().getOwnerReferences();
    return refs == null ? Optional.empty() : refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  /** {@code resolveControllerRef}: the cached CronJob the reference names, if its uid matches. */
  private CronJob resolve(String namespace, OwnerReference ref) {
    if (!"CronJob".equals(ref.getKind())) {
      return null;
    }
    CronJob cj = cronJobs.getIndexer().getByKey(namespace + "/" + ref.getName());
    return cj != null && cj.getMetadata().getUid().equals(ref.getUid()) ? cj : null;
  }

  static ObjectReference ref(CronJob cj) {
    return new ObjectReferenceBuilder().withApiVersion("batch/v1").withKind("CronJob")
        .withNamespace(cj.getMetadata().getNamespace()).withName(cj.getMetadata().getName())
        .withUid(cj.getMetadata().getUid()).withResourceVersion(cj.getMetadata().getResourceVersion()).build();
  }

  /** {@code formatSchedule} and {@code cron.ParseStandard}: {@code spec.timeZone} becomes a {@code TZ=} prefix. */
  static Schedule parse(CronJob cj) throws CronSyntaxException {
    String schedule = cj.getSpec().getSchedule() == null ? "" : cj.getSpec().getSchedule();
    String tz = cj.getSpec().getTimeZone();
    if (!schedule.contains("TZ") && tz != null && validZone(tz)) {
      schedule = "TZ=" + tz + " " + schedule;
    }
    return CronParser.parseStandard(schedule);
  }

  static boolean validZone(String tz) {
    try {
      ZoneId.of(tz);
      return true;
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  private final class CronJobHandler implements ResourceEventHandler<CronJob> {
    @Override
    public void onAdd(CronJob cj) {
      loop.enqueue(Keys.of(cj));
    }

    /**
     * A new schedule or time zone: look again at its next time (sooner than an already queued
     * wake-up wins; a later one makes that wake-up a no-op). Any other change: look now.
     */
    @Override
    public void onUpdate(CronJob old, CronJob cur) {
      if (!Objects.equals(old.getSpec().getSchedule(), cur.getSpec().getSchedule())
          || !Objects.equals(old.getSpec().getTimeZone(), cur.getSpec().getTimeZone())) {
        try {
          Schedule schedule = parse(cur);
          Duration d = CronJobs.nextScheduleTimeDuration(cur, clock.instant(), schedule, clock.getZone());
          loop.queue().addAfter(Keys.of(cur), d);
        } catch (CronSyntaxException e) {
          recorder.event(ref(cur), EventRecorder.TYPE_WARNING, "UnParseableCronJobSchedule",
              "unparseable schedule for cronjob: " + cur.getSpec().getSchedule());
        }
        return;
      }
      loop.enqueue(Keys.of(cur));
    }

    @Override
    public void onDelete(CronJob cj, boolean finalStateUnknown) {
      // its Jobs go with it through the garbage collector; nothing left to schedule
    }
  }

  /** Any change to a Job wakes the CronJob controlling it. */
  private final class JobHandler implements ResourceEventHandler<Job> {
    @Override
    public void onAdd(Job job) {
      enqueueController(job);
    }

    @Override
    public void onUpdate(Job old, Job cur) {
      if (Objects.equals(old.getMetadata().getResourceVersion(), cur.getMetadata().getResourceVersion())) {
        return;
      }
      Optional<OwnerReference> oldRef = controllerOf(old);
      if (!oldRef.equals(controllerOf(cur))) {
        oldRef.map(r -> resolve(old.getMetadata().getNamespace(), r)).ifPresent(cj -> loop.enqueue(Keys.of(cj)));
      }
      enqueueController(cur);
    }

    @Override
    public void onDelete(Job job, boolean finalStateUnknown) {
      enqueueController(job);
    }

    private void enqueueController(Job job) {
      controllerOf(job).map(r -> resolve(job.getMetadata().getNamespace(), r))
          .ifPresent(cj -> loop.enqueue(Keys.of(cj)));
    }
  }

  /** Deletes a Job with its pods in the background, as upstream's {@code realJobControl.DeleteJob}. */
  static void deleteInBackground(KubernetesClient client, Job job) {
    client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).withName(job.getMetadata().getName())
        .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
  }

  @Override
  public void close() {
    loop.close();
    recorder.close();
  }
}
