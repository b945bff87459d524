package io.kube4j.scheduler.queue;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Upstream's {@code PriorityQueue}: the pods the scheduler still has to place, in three parts.
 * <ul>
 *   <li><b>activeQ</b>: pods ready to be tried, highest {@code spec.priority} first, then the one that
 *       entered the queue first. {@link #pop()} blocks on it.</li>
 *   <li><b>backoffQ</b>: pods that failed recently, ordered by when their backoff ends
 *       ({@code initial * 2^(attempts-1)}, capped). {@link #flushBackoffQCompleted()} (every second)
 *       moves those whose backoff is over to activeQ.</li>
 *   <li><b>unschedulablePods</b>: pods that fit no node. They stay until a cluster event could make
 *       them fit ({@link #moveAllToActiveOrBackoffQueue}: a node added or changed, a bound pod deleted)
 *       or until {@link #flushUnschedulablePodsLeftover()} finds them there longer than
 *       {@code podMaxInUnschedulablePods}.</li>
 * </ul>
 * A popped pod is "in flight" until it is {@link #done done} or handed back with
 * {@link #addUnschedulableIfNotPresent}. If a move event arrived while it was in flight
 * ({@code moveRequestCycle >= its cycle}), it goes to backoffQ instead of unschedulablePods, so the
 * event that might have made it fit is not lost.
 *
 * <p>Lock order: one lock, {@link #lock}, guards every field below; nothing else is called under it.
 * The clock is injected so tests move time instead of sleeping.
 */
public final class SchedulingQueue implements AutoCloseable {

  private static final Comparator<QueuedPodInfo> PRIORITY_SORT = Comparator
      .comparingInt(QueuedPodInfo::priority).reversed()
      .thenComparing(QueuedPodInfo::timestamp)
      .thenComparing(QueuedPodInfo::key);

  private final Clock clock;
  private final QueueOptions options;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();

  private final TreeSet<QueuedPodInfo> activeQ = new TreeSet<>(PRIORITY_SORT);
  private final TreeSet<QueuedPodInfo> backoffQ;
  /** key → the entry in activeQ or backoffQ (TreeSet removal needs the exact element). */
  private final Map<String, QueuedPodInfo> active = new HashMap<>();
  private final Map<String, QueuedPodInfo> backingOff = new HashMap<>();
  private final Map<String, QueuedPodInfo> unschedulablePods = new HashMap<>();
  /** key → the newest version of a popped pod not yet handed back; absent once deleted. */
  private final Map<String, Pod> inFlight = new HashMap<>();
  private long schedulingCycle;
  private long moveRequestCycle = -1;
  private boolean closed;
  private ScheduledExecutorService flusher;

  /** The sizes behind {@code scheduler_pending_pods{queue=active|backoff|unschedulable}}. */
  public record PendingPods(int active, int backoff, int unschedulable) {}

  public SchedulingQueue(Clock clock, QueueOptions options) {
    this.clock = clock;
    this.options = options;
    this.backoffQ = new TreeSet<>(Comparator.comparing(this::backoffExpiry).thenComparing(QueuedPodInfo::key));
  }

  /** Starts the periodic flushes: backoffQ every second, unschedulablePods every 30 s (upstream's periods). */
  public void run() {
    flusher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "scheduling-queue-flush");
      t.setDaemon(true);
      return t;
    });
    flusher.scheduleWithFixedDelay(this::flushBackoffQCompleted, 1, 1, TimeUnit.SECONDS);
    long leftover = Math.max(1, Math.min(30_000, options.podMaxInUnschedulablePods().toMillis() / 2));
    flusher.scheduleWithFixedDelay(this::flushUnschedulablePodsLeftover, leftover, leftover, TimeUnit.MILLISECONDS);
  }

  /** A new pending pod: straight to activeQ. */
  public void add(Pod pod) {
    lock.lock();
    try {
      String key = key(pod);
      removeEverywhere(key);
      pushActive(new QueuedPodInfo(pod, clock.instant(), 0, null, Set.of()));
    } finally {
      lock.unlock();
    }
  }

  /**
   * A pending pod changed. In activeQ or backoffQ it is replaced in place; in unschedulablePods a
   * change of its spec, labels or annotations may make it fit, so it moves (to backoffQ while its
   * backoff lasts). In flight, the newest version is kept for when it is handed back.
   */
  public void update(Pod oldPod, Pod newPod) {
    lock.lock();
    try {
      String key = key(newPod);
      if (inFlight.containsKey(key)) {
        inFlight.put(key, newPod);
        moveRequestCycle = schedulingCycle;
        return;
      }
      QueuedPodInfo info = active.get(key);
      if (info != null) {
        activeQ.remove(info);
        active.remove(key);
        pushActive(info.withPod(newPod));
        return;
      }
      info = backingOff.get(key);
      if (info != null) {
        backoffQ.remove(info);
        backingOff.remove(key);
        pushBackoff(info.withPod(newPod));
        return;
      }
      info = unschedulablePods.get(key);
      if (info != null) {
        if (isPodUpdated(oldPod, newPod)) {
          unschedulablePods.remove(key);
          requeue(info.withPod(newPod));
        } else {
          unschedulablePods.put(key, info.withPod(newPod));
        }
        return;
      }
      pushActive(new QueuedPodInfo(newPod, clock.instant(), 0, null, Set.of()));
    } finally {
      lock.unlock();
    }
  }

  /** The pod was deleted, or bound by someone else: forget it wherever it is. */
  public void delete(Pod pod) {
    lock.lock();
    try {
      removeEverywhere(key(pod));
      inFlight.remove(key(pod));
    } finally {
      lock.unlock();
    }
  }

  /** Takes the head of activeQ, waiting while it is empty; empty once the queue is closed. */
  public Optional<QueuedPodInfo> pop() throws InterruptedException {
    lock.lock();
    try {
      while (activeQ.isEmpty() && !closed) {
        notEmpty.await();
      }
      if (closed) {
        return Optional.empty();
      }
      QueuedPodInfo head = activeQ.pollFirst();
      active.remove(head.key());
      schedulingCycle++;
      inFlight.put(head.key(), head.pod());
      Instant first = head.initialAttemptTimestamp() == null ? clock.instant() : head.initialAttemptTimestamp();
      return Optional.of(new QueuedPodInfo(head.pod(), head.timestamp(), head.attempts() + 1, first,
          head.unschedulablePlugins()));
    } finally {
      lock.unlock();
    }
  }

  /** The cycle of the last pop; pass it back to {@link #addUnschedulableIfNotPresent}. */
  public long schedulingCycle() {
    lock.lock();
    try {
      return schedulingCycle;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Hands back a popped pod that was not placed. {@code error} (not a fit failure) goes to backoffQ,
   * as does a pod during whose cycle a move event arrived; otherwise it waits in unschedulablePods.
   * A pod deleted or bound meanwhile is dropped.
   */
  public void addUnschedulableIfNotPresent(QueuedPodInfo info, long podSchedulingCycle, boolean error) {
    lock.lock();
    try {
      Pod latest = inFlight.remove(info.key());
      if (latest == null || active.containsKey(info.key()) || backingOff.containsKey(info.key())
          || unschedulablePods.containsKey(info.key())) {
        return;
      }
      QueuedPodInfo back = info.withPod(latest).withTimestamp(clock.instant());
      if (error || moveRequestCycle >= podSchedulingCycle) {
        pushBackoff(back);
      } else {
        unschedulablePods.put(back.key(), back);
      }
    } finally {
      lock.unlock();
    }
  }

  /** The popped pod was assumed onto a node (or dropped): it is no longer the queue's. */
  public void done(String key) {
    lock.lock();
    try {
      inFlight.remove(key);
    } finally {
      lock.unlock();
    }
  }

  /**
   * A cluster event that may make pods fit: every unschedulable pod goes back (to backoffQ while
   * its backoff lasts, else to activeQ), and pods in flight will go to backoffQ if they fail.
   */
  public void moveAllToActiveOrBackoffQueue(ClusterEvent event) {
    lock.lock();
    try {
      List<QueuedPodInfo> all = new ArrayList<>(unschedulablePods.values());
      unschedulablePods.clear();
      all.forEach(this::requeue);
      moveRequestCycle = schedulingCycle;
    } finally {
      lock.unlock();
    }
  }

  /**
   * A cluster event only some plugins care about (a pod bound: InterPodAffinity and PodTopologySpread
   * count bound pods): only the unschedulable pods one of {@code plugins} rejected move back, as
   * upstream's per-plugin {@code EventsToRegister}; pods in flight go to backoffQ if they fail.
   */
  public void movePodsRejectedBy(ClusterEvent event, Set<String> plugins) {
    lock.lock();
    try {
      List<QueuedPodInfo> moved = unschedulablePods.values().stream()
          .filter(i -> i.unschedulablePlugins().stream().anyMatch(plugins::contains)).toList();
      moved.forEach(i -> unschedulablePods.remove(i.key()));
      moved.forEach(this::requeue);
      moveRequestCycle = schedulingCycle;
    } finally {
      lock.unlock();
    }
  }

  /** Moves the pods whose backoff is over from backoffQ to activeQ. */
  public void flushBackoffQCompleted() {
    lock.lock();
    try {
      Instant now = clock.instant();
      while (!backoffQ.isEmpty() && !backoffExpiry(backoffQ.first()).isAfter(now)) {
        QueuedPodInfo info = backoffQ.pollFirst();
        backingOff.remove(info.key());
        pushActive(info);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Moves pods unschedulable for longer than {@code podMaxInUnschedulablePods} back. */
  public void flushUnschedulablePodsLeftover() {
    lock.lock();
    try {
      Instant now = clock.instant();
      List<QueuedPodInfo> stale = unschedulablePods.values().stream()
          .filter(i -> Duration.between(i.timestamp(), now).compareTo(options.podMaxInUnschedulablePods()) > 0)
          .toList();
      stale.forEach(i -> unschedulablePods.remove(i.key()));
      stale.forEach(this::requeue);
    } finally {
      lock.unlock();
    }
  }

  public PendingPods pendingPods() {
    lock.lock();
    try {
      return new PendingPods(activeQ.size(), backoffQ.size(), unschedulablePods.size());
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@code podInitialBackoff * 2^(attempts - 1)}, at most {@code podMaxBackoff}. Worked example with
   * 1 s and 10 s: attempts 1, 2, 3, 4, 5 → 1 s, 2 s, 4 s, 8 s, 10 s.
   */
  public Duration backoffDuration(int attempts) {
    Duration d = options.podInitialBackoff();
    for (int i = 1; i < attempts; i++) {
      d = d.multipliedBy(2);
      if (d.compareTo(options.podMaxBackoff()) > 0) {
        return options.podMaxBackoff();
      }
    }
    return d;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
    if (flusher != null) {
      flusher.shutdownNow();
    }
  }

  private Instant backoffExpiry(QueuedPodInfo info) {
    return info.timestamp().plus(backoffDuration(info.attempts()));
  }

  private boolean isBackingOff(QueuedPodInfo info) {
    return backoffExpiry(info).isAfter(clock.instant());
  }

  private void requeue(QueuedPodInfo info) {
    if (isBackingOff(info)) {
      pushBackoff(info);
    } else {
      pushActive(info);
    }
  }

  private void pushActive(QueuedPodInfo info) {
    activeQ.add(info);
    active.put(info.key(), info);
    notEmpty.signal();
  }

  private void pushBackoff(QueuedPodInfo info) {
    backoffQ.add(info);
    backingOff.put(info.key(), info);
  }

  private void removeEverywhere(String key) {
    QueuedPodInfo a = active.remove(key);
    if (a != null) {
      activeQ.remove(a);
    }
    QueuedPodInfo b = backingOff.remove(key);
    if (b != null) {
      backoffQ.remove(b);
    }
    unschedulablePods.remove(key);
  }

  /** A change worth another attempt: anything but status and resourceVersion/managedFields. */
  private static boolean isPodUpdated(Pod oldPod, Pod newPod) {
    return oldPod == null || !Objects.equals(oldPod.getSpec(), newPod.getSpec())
        || !Objects.equals(oldPod.getMetadata().getLabels(), newPod.getMetadata().getLabels())
        || !Objects.equals(oldPod.getMetadata().getAnnotations(), newPod.getMetadata().getAnnotations());
  }

  static String key(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }
}
