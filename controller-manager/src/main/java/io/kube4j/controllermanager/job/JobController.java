package io.kube4j.controllermanager.job;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.controller.Keys;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import io.kube4j.controllermanager.record.ApiEventRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Job controller ({@code job.Controller}): informers on Jobs and pods feed two queues, Jobs to
 * sync ({@link JobSync}) and orphaned pods whose tracking finalizer must go. Pod events are batched
 * ({@link #SYNC_BATCH_PERIOD}) so that a Job with many pods finishing together syncs once, not once
 * per pod; Job creations and spec changes sync at once.
 */
public final class JobController implements AutoCloseable {

  public static final String NAME = "job-controller";
  public static final String SERVICE_ACCOUNT = "job-controller";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("job"), false,
      context -> start(context, Clock.systemUTC(), PodFailureBackoff.DEFAULT));

  /** {@code syncJobBatchPeriod}. */
  static final Duration SYNC_BATCH_PERIOD = Duration.ofSeconds(1);
  /** {@code --concurrent-job-syncs}. */
  static final int WORKERS = 5;
  /** {@code spec.managedBy} of Jobs this controller manages (also when unset). */
  static final String MANAGED_BY = "kubernetes.io/job-controller";

  private final SharedIndexInformer<Job> jobs;
  private final SharedIndexInformer<Pod> pods;
  private final Clock clock;
  private final ReconcileLoop loop;
  private final ReconcileLoop orphanLoop;
  private final SyncState state;
  private final PodControl podControl;
  private final JobSync sync;
  private final ApiEventRecorder recorder;

  private JobController(ControllerContext context, Clock clock, PodFailureBackoff backoff) {
    this.jobs = context.informers().forType(Job.class);
    this.pods = context.informers().forType(Pod.class);
    this.clock = clock;
    KubernetesClient client = context.clientFor(SERVICE_ACCOUNT);
    // events carry real time: their names (object + timestamp) must differ even when a test stops the clock
    this.recorder = new ApiEventRecorder(client, NAME, Clock.systemUTC());
    this.loop = context.loop("job", this::reconcile);
    this.orphanLoop = context.loop("job-orphan-pod", this::syncOrphanPod);
    this.state = new SyncState(new ControllerExpectations(clock), new FinalizerExpectations(), new BackoffStore(),
        loop.queue());
    this.podControl = new PodControl(client, recorder);
    this.sync = new JobSync(clock, backoff, state, podControl, new StatusTracker(client, clock, state, podControl));
  }

  /**
   * Starts the controller with this clock and failure backoff (the controller-manager passes the
   * system clock and upstream's 10 s / 6 min; tests shrink the backoff).
   */
  public static JobController start(ControllerContext context, Clock clock, PodFailureBackoff backoff) {
    JobController c = new JobController(context, clock, backoff);
    c.jobs.addEventHandler(c.new JobHandler());
    c.pods.addEventHandler(c.new PodHandler());
    c.loop.start(WORKERS);
    c.orphanLoop.start(1);
    return c;
  }

  /** {@code syncJob}'s entry: the cached Job and the pods it controls. */
  void reconcile(String key) {
    Job job = jobs.getIndexer().getByKey(key);
    if (job == null) {
      state.expectations().delete(key);
      state.finalizerExpectations().delete(key);
      state.backoffStore().remove(key);
      return;
    }
    String managedBy = job.getSpec().getManagedBy();
    if (managedBy != null && !managedBy.equals(MANAGED_BY)) {
      return; // another controller runs this Job
    }
    // expectations first: a pod created after this line is then at worst seen one sync late
    boolean satisfied = state.expectations().satisfied(key);
    sync.syncJob(job, key, satisfied, podsForJob(job));
  }

  /**
   * The pods this Job controls. Unlike upstream's {@code ClaimPods}, orphans matching the selector
   * are not adopted, and controlled pods no longer matching it are not released.
   */
  private List<Pod> podsForJob(Job job) {
    return pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, job.getMetadata().getNamespace()).stream()
        .filter(p -> JobPods.controlledBy(p, job)).toList();
  }

  /**
   * {@code syncOrphanPod}: a pod with the tracking finalizer whose Job is gone, finished, or not its
   * controller any more would stay forever; remove the finalizer.
   */
  void syncOrphanPod(String key) {
    Pod pod = pods.getIndexer().getByKey(key);
    if (pod == null || !JobPods.hasTrackingFinalizer(pod)) {
      return;
    }
    Optional<OwnerReference> ref = JobPods.controllerOf(pod);
    if (ref.isPresent()) {
      if (!"Job".equals(ref.get().getKind()) || !"batch/v1".equals(ref.get().getApiVersion())) {
        return;
      }
      Job job = resolve(pod.getMetadata().getNamespace(), ref.get());
      if (job != null && job.getSpec().getManagedBy() != null && !MANAGED_BY.equals(job.getSpec().getManagedBy())) {
        return;
      }
      if (job != null && !JobConditions.finished(job)) {
        return; // still counted by its Job's syncs
      }
    }
    podControl.removeTrackingFinalizer(pod);
  }

  /** {@code resolveControllerRef}: the cached Job the reference names, if its uid matches. */
  private Job resolve(String namespace, OwnerReference ref) {
    if (!"Job".equals(ref.getKind())) {
      return null;
    }
    Job job = jobs.getIndexer().getByKey(namespace + "/" + ref.getName());
    return job != null && job.getMetadata().getUid().equals(ref.getUid()) ? job : null;
  }

  private void enqueueBatched(Job job) {
    loop.queue().addAfter(Keys.of(job), SYNC_BATCH_PERIOD);
  }

  /** {@code cleanupPodFinalizers}: a finished or deleted Job's pods still holding the finalizer. */
  private void cleanupPodFinalizers(Job job) {
    pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, job.getMetadata().getNamespace()).stream()
        .filter(p -> JobPods.controlledBy(p, job) && JobPods.hasTrackingFinalizer(p))
        .forEach(p -> orphanLoop.enqueue(Keys.of(p)));
  }

  private final class JobHandler implements ResourceEventHandler<Job> {
    @Override
    public void onAdd(Job job) {
      loop.enqueue(Keys.of(job));
    }

    /** Spec changes sync at once, status changes batched; a changed deadline gets its own wake-up. */
    @Override
    public void onUpdate(Job old, Job cur) {
      if (Objects.equals(old.getMetadata().getGeneration(), cur.getMetadata().getGeneration())) {
        enqueueBatched(cur);
      } else {
        loop.enqueue(Keys.of(cur));
      }
      if (JobConditions.finished(cur)) {
        cleanupPodFinalizers(cur);
      }
      Long ads = cur.getSpec().getActiveDeadlineSeconds();
      if (cur.getStatus() != null && cur.getStatus().getStartTime() != null && ads != null
          && !ads.equals(old.getSpec().getActiveDeadlineSeconds())) {
        Duration passed = Duration.between(Instant.parse(cur.getStatus().getStartTime()), clock.instant());
        loop.queue().addAfter(Keys.of(cur), Duration.ofSeconds(ads).minus(passed));
      }
    }

    @Override
    public void onDelete(Job job, boolean finalStateUnknown) {
      loop.enqueue(Keys.of(job));
      cleanupPodFinalizers(job);
    }
  }

  /** Pod events: expectations observed, finalizer removals observed, the controlling Job synced. */
  private final class PodHandler implements ResourceEventHandler<Pod> {
    @Override
    public void onAdd(Pod pod) {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        // seen for the first time already being deleted (e.g. after a restart): not a creation
        deleted(pod, false);
        return;
      }
      Optional<OwnerReference> ref = JobPods.controllerOf(pod);
      if (ref.isPresent()) {
        Job job = resolve(pod.getMetadata().getNamespace(), ref.get());
        if (job != null) {
          state.expectations().creationObserved(Keys.of(job));
          enqueueBatched(job);
        }
        return;
      }
      if (JobPods.hasTrackingFinalizer(pod)) {
        orphanLoop.enqueue(Keys.of(pod));
      }
    }

    @Override
    public void onUpdate(Pod old, Pod cur) {
      if (Objects.equals(old.getMetadata().getResourceVersion(), cur.getMetadata().getResourceVersion())) {
        return; // a resync
      }
      if (cur.getMetadata().getDeletionTimestamp() != null) {
        // a graceful deletion started: the Job may replace the pod now, not when it is finally gone
        deleted(cur, false);
        return;
      }
      boolean finalizerRemoved = !JobPods.hasTrackingFinalizer(cur);
      Optional<OwnerReference> curRef = JobPods.controllerOf(cur);
      Optional<OwnerReference> oldRef = JobPods.controllerOf(old);
      if (!curRef.equals(oldRef) && oldRef.isPresent()) {
        Job job = resolve(old.getMetadata().getNamespace(), oldRef.get());
        if (job != null) {
          if (finalizerRemoved) {
            state.finalizerExpectations().removalObserved(Keys.of(job), cur.getMetadata().getUid());
          }
          enqueueBatched(job);
        }
      }
      if (curRef.isPresent()) {
        Job job = resolve(cur.getMetadata().getNamespace(), curRef.get());
        if (job != null) {
          if (finalizerRemoved) {
            state.finalizerExpectations().removalObserved(Keys.of(job), cur.getMetadata().getUid());
          }
          enqueueBatched(job);
        }
        return;
      }
      if (JobPods.hasTrackingFinalizer(cur)) {
        orphanLoop.enqueue(Keys.of(cur));
      }
    }

    @Override
    public void onDelete(Pod pod, boolean finalStateUnknown) {
      deleted(pod, true);
    }

    /** {@code deletePod}; {@code finalDelete}: the pod is gone, not just marked for deletion. */
    private void deleted(Pod pod, boolean finalDelete) {
      Optional<OwnerReference> ref = JobPods.controllerOf(pod);
      boolean hasFinalizer = JobPods.hasTrackingFinalizer(pod);
      Job job = ref.map(r -> resolve(pod.getMetadata().getNamespace(), r)).orElse(null);
      if (job == null || JobConditions.finished(job)) {
        if (hasFinalizer) {
          orphanLoop.enqueue(Keys.of(pod)); // no sync of its Job will remove it
        }
        return;
      }
      String jobKey = Keys.of(job);
      state.expectations().deletionObserved(jobKey);
      if (finalDelete || !hasFinalizer) {
        state.finalizerExpectations().removalObserved(jobKey, pod.getMetadata().getUid());
      }
      enqueueBatched(job);
    }
  }

  @Override
  public void close() {
    loop.close();
    orphanLoop.close();
    recorder.close();
  }
}
