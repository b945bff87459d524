package io.kube4j.controllermanager;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kube4j.controllermanager.certificates.approver.CsrApprovingController;
import io.kube4j.controllermanager.certificates.signer.CsrSigningController;
import io.kube4j.controllermanager.clientbuilder.ControllerClients;
import io.kube4j.controllermanager.cronjob.CronJobController;
import io.kube4j.componentbase.client.Kubeconfigs;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.disruption.DisruptionController;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import io.kube4j.controllermanager.controller.SharedInformers;
import io.kube4j.controllermanager.daemon.DaemonSetController;
import io.kube4j.controllermanager.deployment.DeploymentController;
import io.kube4j.controllermanager.endpoint.EndpointsController;
import io.kube4j.controllermanager.endpointslice.EndpointSliceController;
import io.kube4j.controllermanager.garbagecollector.GarbageCollector;
import io.kube4j.componentbase.leaderelection.LeaseLock;
import io.kube4j.controllermanager.job.JobController;
import io.kube4j.controllermanager.namespace.NamespaceController;
import io.kube4j.controllermanager.nodeipam.RangeAllocator;
import io.kube4j.controllermanager.nodelifecycle.NodeLifecycleController;
import io.kube4j.controllermanager.podgc.PodGcController;
import io.kube4j.controllermanager.replicaset.ReplicaSetController;
import io.kube4j.controllermanager.replication.ReplicationManager;
import io.kube4j.controllermanager.rootcacertpublisher.RootCaCertPublisher;
import io.kube4j.componentbase.server.HealthServer;
import io.kube4j.controllermanager.server.MetricsText;
import io.kube4j.controllermanager.serviceaccount.ServiceAccountsController;
import io.kube4j.controllermanager.statefulset.StatefulSetController;
import io.kube4j.controllermanager.tainteviction.TaintEvictionController;
import io.kube4j.controllermanager.ttlafterfinished.TtlAfterFinishedController;
import io.kube4j.pki.ca.CertificateAuthority;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller-manager process: leader election through the Lease
 * {@code kube-system/kube-controller-manager}, then, as leader, every enabled controller on shared
 * informers; {@code /healthz}, {@code /readyz} and {@code /metrics} throughout.
 */
public final class ControllerManager implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ControllerManager.class);

  /** The Lease the controller-managers of a cluster compete for. */
  public static final String LEASE_NAMESPACE = "kube-system";
  public static final String LEASE_NAME = "kube-controller-manager";
  static final Duration CACHE_SYNC_TIMEOUT = Duration.ofSeconds(60);

  /** Every controller kube4j has, in start order ({@code NewControllerDescriptors}). */
  public static final List<ControllerDescriptor> CONTROLLERS = List.of(
      NamespaceController.DESCRIPTOR,
      RangeAllocator.DESCRIPTOR,
      NodeLifecycleController.DESCRIPTOR,
      TaintEvictionController.DESCRIPTOR,
      PodGcController.DESCRIPTOR,
      TtlAfterFinishedController.DESCRIPTOR,
      JobController.DESCRIPTOR,
      CronJobController.DESCRIPTOR,
      EndpointsController.DESCRIPTOR,
      EndpointSliceController.DESCRIPTOR,
      ReplicationManager.DESCRIPTOR,
      ReplicaSetController.DESCRIPTOR,
      DeploymentController.DESCRIPTOR,
      ServiceAccountsController.DESCRIPTOR,
      RootCaCertPublisher.DESCRIPTOR,
      CsrApprovingController.DESCRIPTOR,
      CsrSigningController.DESCRIPTOR,
      GarbageCollector.DESCRIPTOR,
      DisruptionController.DESCRIPTOR,
      DaemonSetController.DESCRIPTOR,
      StatefulSetController.DESCRIPTOR);

  private final ControllerManagerOptions options;
  private final String identity;
  private final Runnable onLostLeadership;
  private final ControllerClients clients;
  private final SharedInformers informers;
  private final List<ReconcileLoop> loops = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> running = new CopyOnWriteArrayList<>();
  private final HealthServer health;
  private volatile boolean leading;
  private volatile boolean synced;
  private volatile boolean closing;
  private CompletableFuture<?> election = CompletableFuture.completedFuture(null);

  /**
   * @param onLostLeadership what to do when leadership is lost after it was held: the process exits,
   *     as upstream's does, so that no controller keeps acting on a stale view
   */
  private ControllerManager(ControllerManagerOptions options, Runnable onLostLeadership) throws IOException {
    this.options = options;
    this.identity = InetAddress.getLocalHost().getHostName() + "_" + UUID.randomUUID();
    this.onLostLeadership = onLostLeadership;
    Config config = Kubeconfigs.read(options.kubeconfig());
    this.clients = new ControllerClients(config, options.useServiceAccountCredentials(), Clock.systemUTC());
    this.informers = new SharedInformers(clients.root());
    Optional<CertificateAuthority> ca = Optional.empty();
    if (options.clusterSigningCertFile().isPresent() && options.clusterSigningKeyFile().isPresent()) {
      ca = Optional.of(CertificateAuthority.read(options.clusterSigningCertFile().get(),
          options.clusterSigningKeyFile().get(), Clock.systemUTC()));
    }
    this.health = new HealthServer("kube-controller-manager", options.bindAddress(), options.securePort(),
        HealthServer.servingCertificate("kube-controller-manager", options.bindAddress(), ca), () -> synced,
        () -> MetricsText.render(loops.stream().map(l -> l.metrics().snapshot()).toList(), leading));
  }

  /** Starts the process: elects (or, without {@code --leader-elect}, simply runs) the controllers. */
  public static ControllerManager start(ControllerManagerOptions options, Runnable onLostLeadership)
      throws IOException {
    ControllerManager m = new ControllerManager(options, onLostLeadership);
    var le = options.leaderElection();
    if (!le.enabled()) {
      m.lead();
      return m;
    }
    LeaderElector elector = m.clients.root().leaderElector().withConfig(new LeaderElectionConfigBuilder()
        .withName(LEASE_NAME)
        .withLock(new LeaseLock(LEASE_NAMESPACE, LEASE_NAME, m.identity))
        .withLeaseDuration(le.leaseDuration()).withRenewDeadline(le.renewDeadline()).withRetryPeriod(le.retryPeriod())
        // as upstream: a stopped leader does not release the lease; the next one waits for it to expire
        .withReleaseOnCancel(false)
        .withLeaderCallbacks(new LeaderCallbacks(m::lead, m::lostLeadership,
            leader -> LOG.info("new leader elected: {}", leader)))
        .build()).build();
    m.election = elector.start();
    return m;
  }

  public String identity() {
    return identity;
  }

  public boolean isLeading() {
    return leading;
  }

  /** The port of {@code /healthz} and {@code /metrics}. */
  public int securePort() {
    return health.port();
  }

  public List<ReconcileLoop> loops() {
    return List.copyOf(loops);
  }

  /** Becoming leader: start every enabled controller, then the informers they registered with. */
  private void lead() {
    leading = true;
    LOG.info("{} is leading; starting controllers", identity);
    ControllerContext context = new ControllerContext(informers, clients, options, loops);
    List<String> started = new ArrayList<>();
    for (ControllerDescriptor d : CONTROLLERS) {
      if (!d.enabledBy(options.controllers())) {
        LOG.info("{} is disabled", d.name());
        continue;
      }
      try {
        running.add(d.starter().start(context));
        started.add(d.name());
      } catch (Exception e) {
        LOG.error("cannot start {}: {}", d.name(), e.getMessage());
      }
    }
    try {
      informers.startAndAwaitSync(CACHE_SYNC_TIMEOUT);
      synced = true;
      LOG.info("started {}", started);
    } catch (TimeoutException e) {
      LOG.error("informer caches did not sync within {}", CACHE_SYNC_TIMEOUT);
    }
  }

  private void lostLeadership() {
    if (!leading || closing) {
      return;
    }
    leading = false;
    LOG.error("leaderelection lost");
    stopControllers();
    onLostLeadership.run();
  }

  private void stopControllers() {
    for (AutoCloseable c : running) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("stopping a controller: {}", e.toString());
      }
    }
    running.clear();
  }

  @Override
  public void close() {
    closing = true;
    election.cancel(true);
    stopControllers();
    informers.close();
    health.close();
    clients.close();
  }
}
