package io.kube4j.agent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every node of the process shares, so that a node costs objects, not threads:
 * {@code timers} only schedule (runtime timers, ticks of the periodic loops) and never block;
 * {@code heartbeats} run the blocking API calls of registration, Lease renewal and status reports;
 * {@code podWorkers} run pod syncs; {@code events} write Events; {@code tasks} run the API clients' HTTP callbacks and informer
 * events. Heartbeats have their own pool so that a burst of pod syncs cannot delay them past the
 * lease duration. One Fabric8 client per node remains (each node has its own identity), and with it
 * one HTTP selector thread per node.
 */
public final class SharedExecutors implements AutoCloseable {

  private final ScheduledExecutorService timers;
  private final ExecutorService heartbeats;
  private final ExecutorService podWorkers;
  private final ExecutorService events;
  private final ExecutorService tasks;

  private SharedExecutors(int timerThreads, int heartbeatThreads, int workerThreads) {
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(timerThreads, daemon("agent-timer"));
    t.setRemoveOnCancelPolicy(true);
    this.timers = t;
    this.heartbeats = Executors.newFixedThreadPool(heartbeatThreads, daemon("agent-heartbeat"));
    this.podWorkers = Executors.newFixedThreadPool(workerThreads, daemon("agent-pod-worker"));
    this.events = Executors.newFixedThreadPool(2, daemon("agent-events"));
    this.tasks = Executors.newCachedThreadPool(daemon("agent-task"));
  }

  /**
   * Sized for the machine: two timer threads, eight heartbeat threads (each waits on the apiserver
   * most of its time: 200 nodes renew 20 leases a second), two pod workers per core (at least four).
   */
  public static SharedExecutors create() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new SharedExecutors(2, 8, Math.max(4, cores * 2));
  }

  /** Writes Events: two threads, so a burst of pod starts queues its events instead of adding threads. */
  public ExecutorService events() {
    return events;
  }

  public ExecutorService heartbeats() {
    return heartbeats;
  }

  public ScheduledExecutorService timers() {
    return timers;
  }

  public ExecutorService podWorkers() {
    return podWorkers;
  }

  public ExecutorService tasks() {
    return tasks;
  }

  @Override
  public void close() {
    timers.shutdownNow();
    heartbeats.shutdownNow();
    podWorkers.shutdownNow();
    events.shutdownNow();
    tasks.shutdownNow();
    try {
      podWorkers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
