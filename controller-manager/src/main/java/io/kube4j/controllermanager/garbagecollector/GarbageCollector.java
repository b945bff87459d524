package io.kube4j.controllermanager.garbagecollector;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import io.kube4j.controllermanager.record.ApiEventRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The garbage collector ({@code GarbageCollector}): a {@link GraphBuilder} fed by {@link Monitors} on
 * every deletable resource, and workers on its two queues.
 *
 * <ul>
 *   <li>attemptToDelete ({@link AttemptToDelete}): deletes objects whose owners are all gone, and
 *       carries out foreground deletions;
 *   <li>attemptToOrphan: for an owner deleted with the {@code orphan} finalizer, removes its
 *       ownerReference from every dependent, then the finalizer.
 * </ul>
 *
 * Workers start once the monitors have listed (or after {@link #INITIAL_SYNC_TIMEOUT}), so that an
 * owner's dependents are known before it is orphaned or deleted in the foreground. Discovery is
 * checked again every {@link #RESOURCE_RESYNC_PERIOD} for resources that came or went.
 */
public final class GarbageCollector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);

  public static final String NAME = "garbage-collector-controller";
  /** Bound to {@code system:controller:generic-garbage-collector}: get, list, watch, patch, update, delete on all. */
  public static final String SERVICE_ACCOUNT = "generic-garbage-collector";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("garbagecollector"),
      false, GarbageCollector::start);

  /** {@code --concurrent-gc-syncs}: workers per queue. */
  static final int WORKERS = 20;
  /** How often discovery is looked at for new or removed resources (upstream's 30 s). */
  static final Duration RESOURCE_RESYNC_PERIOD = Duration.ofSeconds(30);
  static final Duration INITIAL_SYNC_TIMEOUT = Duration.ofSeconds(60);

  private final RestMapper restMapper;
  private final GraphBuilder graphBuilder;
  private final Monitors monitors;
  private final Operations ops;
  private final AttemptToDelete deleter;
  private final ApiEventRecorder recorder;
  private final ReconcileLoop attemptToDelete;
  private final ReconcileLoop attemptToOrphan;
  /** Runs discovery and monitor syncs, off the controller-manager's starting thread. */
  private final ScheduledExecutorService resync;
  /** Patches an orphaned owner's dependents in parallel, as upstream's one goroutine per dependent. */
  private final ExecutorService orphaners;
  /** Set on close: the workers drain their queues without calling the API any more. */
  private volatile boolean closed;

  private GarbageCollector(ControllerContext context) {
    KubernetesClient client = context.clientFor(SERVICE_ACCOUNT);
    this.restMapper = new RestMapper(client);
    this.ops = new Operations(restMapper, new MetadataClient(client));
    this.recorder = new ApiEventRecorder(client, NAME, Clock.systemUTC());
    ReferenceCache absentOwnerCache = new ReferenceCache(ReferenceCache.DEFAULT_CAPACITY);
    this.attemptToDelete = context.loop("garbage_collector_attempt_to_delete", this::attemptToDeleteWorker);
    this.attemptToOrphan = context.loop("garbage_collector_attempt_to_orphan", this::attemptToOrphanWorker);
    this.graphBuilder = new GraphBuilder(attemptToDelete.queue(), attemptToOrphan.queue(), absentOwnerCache, recorder);
    this.monitors = new Monitors(context.clients().root(), graphBuilder);
    this.deleter = new AttemptToDelete(graphBuilder, monitors, ops, absentOwnerCache, attemptToDelete::enqueue);
    this.resync = Executors.newSingleThreadScheduledExecutor(daemon("garbage-collector-sync"));
    this.orphaners = Executors.newFixedThreadPool(WORKERS, daemon("garbage-collector-orphaner"));
  }

  static AutoCloseable start(ControllerContext context) {
    GarbageCollector gc = new GarbageCollector(context);
    gc.graphBuilder.start();
    gc.resync.execute(() -> {
      gc.resyncMonitors(INITIAL_SYNC_TIMEOUT);
      LOG.info("garbage collector: monitors {}; proceeding to collect garbage",
          gc.monitors.isSynced() ? "synced" : "not all synced");
      gc.attemptToDelete.start(WORKERS);
      gc.attemptToOrphan.start(WORKERS);
    });
    long period = RESOURCE_RESYNC_PERIOD.toMillis();
    gc.resync.scheduleWithFixedDelay(() -> gc.resyncMonitors(RESOURCE_RESYNC_PERIOD), period, period,
        TimeUnit.MILLISECONDS);
    return gc;
  }

  /**
   * Discovers the deletable resources and starts or stops monitors to match ({@code Sync}). Never
   * throws: a failure leaves the monitors as they are until the next period.
   */
  private void resyncMonitors(Duration timeout) {
    try {
      restMapper.reset();
      monitors.sync(restMapper.deletableResources(), timeout);
    } catch (RuntimeException e) {
      LOG.warn("garbage collector: discovery failed, monitors unchanged: {}", e.toString());
    }
  }

  /** The loop calls it only once started, after the constructor has set {@code deleter}. */
  private void attemptToDeleteWorker(String uid) throws AttemptToDelete.NotYetObserved {
    if (!closed) {
      deleter.attemptToDeleteWorker(uid);
    }
  }

  /**
   * Orphans the dependents of an owner deleted with the {@code orphan} finalizer, then removes the
   * finalizer ({@code attemptToOrphanWorker}). A dependent that failed brings the owner back later.
   */
  private void attemptToOrphanWorker(String uid) {
    Node owner = graphBuilder.node(uid).orElse(null);
    if (owner == null || closed) {
      return;
    }
    orphanDependents(owner.identity(), owner.dependents());
    ops.removeFinalizer(owner, ObjectMetadata.FINALIZER_ORPHAN);
  }

  /** Removes the ownerReference to {@code owner} from each dependent, in parallel ({@code orphanDependents}). */
  private void orphanDependents(ObjectReference owner, List<Node> dependents) {
    List<String> errors = new ArrayList<>();
    List<CompletableFuture<Void>> patches = new ArrayList<>();
    for (Node dep : dependents) {
      List<String> ownerUid = List.of(owner.uid());
      patches.add(CompletableFuture.runAsync(() -> {
        try {
          // a strategic merge patch deleting a reference that is not there is not an error
          ops.patch(dep, Patches.deleteOwnerRefStrategicMerge(dep.uid(), ownerUid),
              live -> Patches.deleteOwnerRefJsonMerge(live, ownerUid));
        } catch (KubernetesClientException e) {
          if (e.getCode() != 404) {
            synchronized (errors) {
              errors.add("orphaning " + dep.identity() + " failed: " + e.getMessage());
            }
          }
        }
      }, orphaners));
    }
    try {
      CompletableFuture.allOf(patches.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw new IllegalStateException("orphaning the dependents of " + owner + " failed", e.getCause());
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException("failed to orphan dependents of owner " + owner + ": " + errors);
    }
    LOG.debug("orphaned the {} dependents of {}", dependents.size(), owner);
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.getAndIncrement());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    closed = true;
    resync.shutdownNow();
    attemptToDelete.close();
    attemptToOrphan.close();
    orphaners.shutdownNow();
    monitors.close();
    graphBuilder.close();
    recorder.close();
  }
}
