package io.kube4j.agent.pod;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker per pod (pod_workers.go): updates for a pod are applied one at a time and the latest
 * spec wins — an update that arrives while the pod syncs is kept and run next, intermediate ones are
 * dropped. A pod goes through the stages syncing → terminating → terminated, never back: once the
 * API sets its deletionTimestamp or it reaches Succeeded/Failed it is stopped, and a deleted pod is
 * finally deleted from the API when its containers are gone.
 *
 * <p>Workers have no thread of their own: each run is a task on the executor shared by every node
 * of the JVM, so a thousand idle pods cost a thousand small objects.
 */
public final class PodWorkers {

  private static final Logger LOG = LoggerFactory.getLogger(PodWorkers.class);
  /** The grace period when neither the deletion nor the spec gives one (the API default). */
  static final long DEFAULT_GRACE_SECONDS = 30;

  enum Stage { SYNCING, TERMINATING, TERMINATED }

  private final PodSyncer syncer;
  private final Executor executor;
  private final ScheduledExecutorService timers;
  private final Duration retryDelay;
  private final Map<String, PodWorker> workers = new ConcurrentHashMap<>();

  /**
   * @param executor runs the workers' syncs (shared, bounded)
   * @param timers schedules the retry of a failed sync after {@code retryDelay}
   */
  public PodWorkers(PodSyncer syncer, Executor executor, ScheduledExecutorService timers, Duration retryDelay) {
    this.syncer = syncer;
    this.executor = executor;
    this.timers = timers;
    this.retryDelay = retryDelay;
  }

  /** {@code UpdatePod} with a new version of the pod: starts or re-runs its worker. */
  public void updatePod(Pod pod) {
    PodWorker w = workers.computeIfAbsent(pod.getMetadata().getUid(),
        uid -> new PodWorker(PodStatusGenerator.isTerminal(phase(pod)) ? Stage.TERMINATED : Stage.SYNCING));
    schedule(w, pod, false);
  }

  /** A pod that failed admission: it never runs, and is only finally deleted when the API deletes it. */
  public void rejected(Pod pod) {
    workers.putIfAbsent(pod.getMetadata().getUid(), new PodWorker(Stage.TERMINATED));
  }

  /** The pod is gone from the API: stop it and drop its worker. */
  public void removePod(Pod pod) {
    PodWorker w = workers.get(pod.getMetadata().getUid());
    if (w != null) {
      schedule(w, pod, true);
    }
  }

  /** Syncs a known pod again with its latest version (a runtime event, a resync). */
  public void syncAgain(String uid) {
    PodWorker w = workers.get(uid);
    if (w != null) {
      Pod latest;
      synchronized (w) {
        latest = w.latest;
      }
      if (latest != null) {
        schedule(w, latest, false);
      }
    }
  }

  /** The pods that count against the node's resources: those admitted and not stopped. */
  public List<Pod> activePods() {
    return workers.values().stream().map(PodWorker::activePod).filter(java.util.Objects::nonNull).toList();
  }

  public boolean isKnown(String uid) {
    return workers.containsKey(uid);
  }

  private void schedule(PodWorker w, Pod pod, boolean removed) {
    synchronized (w) {
      w.latest = pod;
      w.removed |= removed;
      w.dirty = true;
      if (w.running) {
        return;  // the running sync picks the latest pod up when it is done
      }
      w.running = true;
    }
    executor.execute(() -> run(w));
  }

  private void run(PodWorker w) {
    while (true) {
      Pod pod;
      boolean removed;
      Stage stage;
      synchronized (w) {
        if (!w.dirty) {
          w.running = false;
          return;
        }
        w.dirty = false;
        pod = w.latest;
        removed = w.removed;
        stage = w.stage;
      }
      try {
        if (removed) {
          syncer.forgetPod(pod);
          workers.remove(pod.getMetadata().getUid(), w);
          synchronized (w) {
            w.running = false;
          }
          return;
        }
        stage = step(w, pod, stage);
      } catch (RuntimeException e) {
        LOG.warn("pod {}/{}: sync failed, retrying in {}: {}", pod.getMetadata().getNamespace(),
            pod.getMetadata().getName(), retryDelay, e.toString());
        timers.schedule(() -> syncAgain(pod.getMetadata().getUid()), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
      }
      synchronized (w) {
        w.stage = stage;
      }
    }
  }

  /** One pass of the pod through its stages; returns the stage it reached. */
  private Stage step(PodWorker w, Pod pod, Stage stage) {
    Duration grace = Duration.ZERO;
    if (stage == Stage.SYNCING) {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        stage = Stage.TERMINATING;
        grace = gracePeriod(pod);
      } else if (syncer.syncPod(pod)) {
        stage = Stage.TERMINATING;  // finished for good (restartPolicy Never/OnFailure): nothing left to wait for
      }
    }
    if (stage == Stage.TERMINATING) {
      synchronized (w) {
        w.stage = Stage.TERMINATING;
      }
      syncer.syncTerminatingPod(pod, grace);
      stage = Stage.TERMINATED;
    }
    if (stage == Stage.TERMINATED && pod.getMetadata().getDeletionTimestamp() != null && !w.finalDeleted) {
      syncer.syncTerminatedPod(pod);
      w.finalDeleted = true;
    }
    return stage;
  }

  /** The deletion's grace period, else the spec's, else 30 s. */
  static Duration gracePeriod(Pod pod) {
    Long seconds = pod.getMetadata().getDeletionGracePeriodSeconds();
    if (seconds == null) {
      seconds = pod.getSpec().getTerminationGracePeriodSeconds();
    }
    return Duration.ofSeconds(seconds == null ? DEFAULT_GRACE_SECONDS : Math.max(0, seconds));
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }

  /** A pod's worker; every field guarded by the object's monitor except {@code finalDeleted} (worker only). */
  private static final class PodWorker {
    Pod latest;
    boolean removed;
    /** An update arrived that the worker has not synced yet. */
    boolean dirty;
    /** A task for this worker is queued or running; at most one at a time. */
    boolean running;
    Stage stage;
    volatile boolean finalDeleted;

    PodWorker(Stage stage) {
      this.stage = stage;
    }

    synchronized Pod activePod() {
      return stage == Stage.SYNCING && !removed ? latest : null;
    }
  }
}
