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
 * {@code timers} for heartbeats, status reports and runtime timers (short tasks, a blocking API call
 * at most); {@code podWorkers} for pod syncs; {@code tasks} for the API clients' HTTP callbacks and
 * informer events. One Fabric8 client per node remains (each node has its own identity), and with it
 * one HTTP selector thread per node.
 */
public final class SharedExecutors implements AutoCloseable {

  private final ScheduledExecutorService timers;
  private final ExecutorService podWorkers;
  private final ExecutorService tasks;

  private SharedExecutors(int timerThreads, int workerThreads) {
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(timerThreads, daemon("agent-timer"));
    t.setRemoveOnCancelPolicy(true);
    this.timers = t;
    this.podWorkers = Executors.newFixedThreadPool(workerThreads, daemon("agent-pod-worker"));
    this.tasks = Executors.newCachedThreadPool(daemon("agent-task"));
  }

  /** Sized for the machine: a few timer threads, two pod workers per core (at least four). */
  public static SharedExecutors create() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new SharedExecutors(Math.max(2, Math.min(cores, 4)), Math.max(4, cores * 2));
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
    podWorkers.shutdownNow();
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
