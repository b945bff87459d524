package io.kube4j.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.componentbase.client.Kubeconfigs;
import io.kube4j.pki.cert.CertAndKey;
import io.kube4j.scheduler.cache.SchedulerCache;
import io.kube4j.scheduler.cache.Snapshot;
import io.kube4j.scheduler.events.EventRecorder;
import io.kube4j.scheduler.framework.Handle;
import io.kube4j.scheduler.framework.Listers;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.runtime.Framework;
import io.kube4j.scheduler.framework.runtime.Profile;
import io.kube4j.componentbase.leaderelection.LeaseLock;
import io.kube4j.scheduler.metrics.SchedulerMetrics;
import io.kube4j.scheduler.plugins.InTreeRegistry;
import io.kube4j.scheduler.queue.SchedulingQueue;
import io.kube4j.componentbase.server.HealthServer;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler process and its composition root: informers feed the cache and the queue from the
 * start (so a new leader has warm caches, as upstream's); the one that holds the Lease
 * {@code kube-system/kube-scheduler} runs the scheduling loop; {@code /healthz}, {@code /readyz} and
 * {@code /metrics} throughout.
 */
public final class Scheduler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  public static final String LEASE_NAMESPACE = "kube-system";
  public static final String LEASE_NAME = "kube-scheduler";
  static final Duration CACHE_SYNC_TIMEOUT = Duration.ofSeconds(60);
  /** Bindings in flight at once (upstream: one goroutine per binding cycle). */
  static final int BINDING_THREADS = 16;

  private final String identity;
  private final Runnable onLostLeadership;
  private final KubernetesClient client;
  private final SchedulingQueue queue;
  private final SchedulerCache cache = new SchedulerCache();
  private final Snapshot snapshot = new Snapshot();
  private final SchedulerMetrics metrics = new SchedulerMetrics();
  private final EventRecorder events;
  private final ExecutorService binders;
  private final ScheduleOne scheduleOne;
  private final SharedIndexInformer<Pod> podInformer;
  private final SharedIndexInformer<Node> nodeInformer;
  private final InformerListers listers;
  private final HealthServer health;
  private volatile boolean synced;
  private volatile boolean leading;
  private volatile boolean closing;
  private Thread loop;
  private CompletableFuture<?> election = CompletableFuture.completedFuture(null);

  private Scheduler(SchedulerOptions options, Runnable onLostLeadership) throws IOException {
    this.identity = InetAddress.getLocalHost().getHostName() + "_" + UUID.randomUUID();
    this.onLostLeadership = onLostLeadership;
    this.client = new KubernetesClientBuilder().withConfig(Kubeconfigs.read(options.kubeconfig())).build();
    Clock clock = Clock.systemUTC();
    this.queue = new SchedulingQueue(clock, options.queue());
    this.events = new EventRecorder(client, Profile.DEFAULT_SCHEDULER_NAME, identity, clock);
    this.binders = Executors.newFixedThreadPool(BINDING_THREADS, r -> {
      Thread t = new Thread(r, "scheduler-binding");
      t.setDaemon(true);
      return t;
    });
    this.listers = new InformerListers(client);
    Handle handle = new Handle() {
      @Override
      public KubernetesClient client() {
        return client;
      }

      @Override
      public List<NodeInfo> snapshotNodes() {
        return snapshot.nodeInfoList();
      }

      @Override
      public Optional<NodeInfo> snapshotNode(String name) {
        return Optional.ofNullable(snapshot.get(name));
      }

      @Override
      public Listers listers() {
        return listers;
      }

      @Override
      public EventRecorder eventRecorder() {
        return events;
      }
    };
    Profile profile = InTreeRegistry.defaultProfile(options.percentageOfNodesToScore());
    Framework fwk = new Framework(profile, InTreeRegistry.create(), handle);
    this.scheduleOne = new ScheduleOne(queue, cache, snapshot, Map.of(profile.schedulerName(), fwk),
        new ScheduleOne.Collaborators(client, events, metrics, binders, clock));
    EventHandlers handlers = new EventHandlers(queue, cache, java.util.Set.of(profile.schedulerName()),
        InTreeRegistry.ASSIGNED_POD_ADD_PLUGINS);
    this.nodeInformer = client.nodes().runnableInformer(0);
    nodeInformer.addEventHandler(handlers.nodes());
    this.podInformer = client.pods().inAnyNamespace().runnableInformer(0);
    podInformer.addEventHandler(handlers.pods());
    // --tls-cert-file, or a self-signed certificate made at start, as kube-scheduler does without it
    CertAndKey serving = options.tlsCertFile().isPresent()
        ? CertAndKey.read(options.tlsCertFile().get().certFile(), options.tlsCertFile().get().keyFile())
        : HealthServer.servingCertificate("kube-scheduler", options.bindAddress(), Optional.empty());
    this.health = new HealthServer("kube-scheduler", options.bindAddress(), options.securePort(), serving, () -> synced,
        () -> metrics.render(profile.schedulerName(), queue.pendingPods(), leading));
  }

  /** Starts the informers, waits for them to sync, then elects (or, without {@code --leader-elect}, runs). */
  public static Scheduler start(SchedulerOptions options, Runnable onLostLeadership) throws IOException {
    Scheduler s = new Scheduler(options, onLostLeadership);
    try {
      CompletableFuture.allOf(s.nodeInformer.start().toCompletableFuture(), s.podInformer.start().toCompletableFuture(),
              s.listers.start())
          .get(CACHE_SYNC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      s.synced = true;
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      s.close();
      throw new IOException("informer caches did not sync: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      s.close();
      throw new IOException("interrupted while waiting for informer caches", e);
    }
    s.queue.run();
    var le = options.leaderElection();
    if (!le.enabled()) {
      s.lead();
      return s;
    }
    s.election = s.client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
        .withName(LEASE_NAME)
        .withLock(new LeaseLock(LEASE_NAMESPACE, LEASE_NAME, s.identity))
        .withLeaseDuration(le.leaseDuration()).withRenewDeadline(le.renewDeadline()).withRetryPeriod(le.retryPeriod())
        // as upstream: a stopped leader does not release the Lease; the next one waits for it to expire
        .withReleaseOnCancel(false)
        .withLeaderCallbacks(new LeaderCallbacks(s::lead, s::lostLeadership,
            leader -> LOG.info("new leader elected: {}", leader)))
        .build()).build().start();
    return s;
  }

  public String identity() {
    return identity;
  }

  public boolean isLeading() {
    return leading;
  }

  public int securePort() {
    return health.port();
  }

  public SchedulerMetrics metrics() {
    return metrics;
  }

  private synchronized void lead() {
    if (closing) {
      return;
    }
    leading = true;
    LOG.info("{} is leading; scheduling", identity);
    loop = new Thread(() -> {
      try {
        while (!closing && scheduleOne.scheduleOne()) {
          // one pod per turn
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.error("scheduling loop stopped: {}", e.toString(), e);
      }
    }, "scheduler-loop");
    loop.setDaemon(true);
    loop.start();
  }

  private void lostLeadership() {
    if (!leading || closing) {
      return;
    }
    leading = false;
    LOG.error("leaderelection lost");
    stopScheduling();
    onLostLeadership.run();
  }

  private void stopScheduling() {
    queue.close();
    binders.shutdownNow();
    Thread l = loop;
    if (l != null) {
      l.interrupt();
      try {
        l.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    closing = true;
    election.cancel(true);
    stopScheduling();
    leading = false;
    scheduleOne.close();
    podInformer.stop();
    nodeInformer.stop();
    listers.close();
    events.close();
    health.close();
    client.close();
  }
}
