package io.kube4j.controllermanager.ttlafterfinished;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.controller.EnqueueingHandler;
import io.kube4j.controllermanager.controller.Keys;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes finished Jobs whose time to live has passed ({@code ttlafterfinished.Controller}). */
public final class TtlAfterFinishedController implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TtlAfterFinishedController.class);

  public static final String NAME = "ttl-after-finished-controller";
  public static final String SERVICE_ACCOUNT = "ttl-after-finished-controller";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("ttl-after-finished"),
      false, TtlAfterFinishedController::start);

  private final SharedIndexInformer<Job> jobs;
  private final KubernetesClient client;
  private final Clock clock;
  private final ReconcileLoop loop;

  private TtlAfterFinishedController(ControllerContext context, Clock clock) {
    this.jobs = context.informers().forType(Job.class);
    this.client = context.clientFor(SERVICE_ACCOUNT);
    this.clock = clock;
    this.loop = context.loop(NAME, this::reconcile);
  }

  static AutoCloseable start(ControllerContext context) {
    TtlAfterFinishedController c = new TtlAfterFinishedController(context, Clock.systemUTC());
    c.jobs.addEventHandler(new EnqueueingHandler<>(j -> needsCleanup(j) ? Keys.of(j) : null, c.loop::enqueue));
    c.loop.start(1);
    return c;
  }

  /**
   * A finished Job whose TTL has passed is deleted, after a fresh read confirms it (the cache may be
   * behind a TTL change); one whose TTL has not passed is looked at again when it will have.
   */
  void reconcile(String key) {
    Job cached = jobs.getIndexer().getByKey(key);
    if (cached == null || !needsCleanup(cached)) {
      return;
    }
    Duration left = Duration.between(clock.instant(), expireAt(cached).orElseThrow());
    if (!left.isNegative() && !left.isZero()) {
      loop.queue().addAfter(key, left);
      return;
    }
    Job fresh = client.batch().v1().jobs().inNamespace(Keys.namespace(key)).withName(Keys.name(key)).get();
    if (fresh == null || !needsCleanup(fresh) || !fresh.getMetadata().getUid().equals(cached.getMetadata().getUid())
        || expireAt(fresh).orElseThrow().isAfter(clock.instant())) {
      loop.enqueue(key);
      return;
    }
    LOG.info("deleting job {}: finished {}s ago, past its ttlSecondsAfterFinished", key,
        Duration.between(finishedAt(fresh).orElseThrow(), clock.instant()).toSeconds());
    client.batch().v1().jobs().inNamespace(Keys.namespace(key)).withName(Keys.name(key))
        .withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
  }

  /** {@code needsCleanup}: a TTL, finished, not being deleted. */
  static boolean needsCleanup(Job job) {
    return job.getSpec() != null && job.getSpec().getTtlSecondsAfterFinished() != null
        && job.getMetadata().getDeletionTimestamp() == null && finishedAt(job).isPresent();
  }

  static Optional<Instant> expireAt(Job job) {
    return finishedAt(job).map(t -> t.plusSeconds(job.getSpec().getTtlSecondsAfterFinished()));
  }

  /** When the Job completed or failed: its Complete or Failed condition's transition time. */
  static Optional<Instant> finishedAt(Job job) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    for (JobCondition c : job.getStatus().getConditions()) {
      if (("Complete".equals(c.getType()) || "Failed".equals(c.getType())) && "True".equals(c.getStatus())) {
        String t = c.getLastTransitionTime() != null ? c.getLastTransitionTime()
            : job.getStatus().getCompletionTime();
        return Optional.ofNullable(t).map(Instant::parse);
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    loop.close();
  }
}
