package io.kube4j.agent;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.agent.events.ApiEventRecorder;
import io.kube4j.agent.nodelease.NodeLease;
import io.kube4j.agent.nodestatus.NodeConfig;
import io.kube4j.agent.nodestatus.NodeStatusUpdater;
import io.kube4j.agent.pod.PodWorkers;
import io.kube4j.agent.pod.RuntimePodSyncer;
import io.kube4j.agent.pod.StatusManager;
import io.kube4j.agent.pod.SyncHandler;
import io.kube4j.agent.runtime.simulated.SimulatedRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's agent, wired by hand ({@code NewMainKubelet} and {@code Run} in kubelet.go): registers
 * the Node, then heartbeats (Lease, status) and the pod loop (informer → SyncHandler → PodWorkers →
 * RuntimePodSyncer → runtime and StatusManager). Threads come from {@link SharedExecutors}.
 */
public final class Agent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
  private static final Duration REGISTER_RETRY = Duration.ofSeconds(2);
  private static final Duration SYNC_RETRY = Duration.ofSeconds(1);

  private final AgentOptions options;
  private final NodeConfig nodeConfig;
  private final KubernetesClient client;
  private final SharedExecutors shared;
  private final Clock clock;
  private final NodeStatusUpdater nodeStatus;
  private final NodeLease lease;
  private final SimulatedRuntime runtime;
  private final PodWorkers podWorkers;
  private final SyncHandler syncHandler;
  private final List<ScheduledFuture<?>> loops = new ArrayList<>();
  private volatile SharedIndexInformer<Pod> podInformer;
  private volatile boolean registered;
  private volatile boolean closed;

  /**
   * @param nodeConfig what to register
   * @param config the node's API identity ({@code system:node:<name>})
   */
  public Agent(AgentOptions options, NodeConfig nodeConfig, Config config, SharedExecutors shared, Clock clock) {
    this.options = options;
    this.nodeConfig = nodeConfig;
    this.shared = shared;
    this.clock = clock;
    this.client = NodeClients.create(config, shared.tasks());
    this.nodeStatus = new NodeStatusUpdater(client, nodeConfig, clock, options.nodeStatusReportFrequency());
    this.lease = new NodeLease(client, nodeConfig.nodeName(), options.nodeLeaseDurationSeconds(), nodeStatus::node,
        clock);
    this.runtime = new SimulatedRuntime(() -> podCidr().orElse(nodeConfig.fallbackPodCidr()),
        options.simulated().backOff(), shared.timers(),
        new ApiEventRecorder(client, nodeConfig.nodeName(), shared.events(), clock), clock);
    StatusManager statusManager = new StatusManager(client);
    this.podWorkers = new PodWorkers(new RuntimePodSyncer(runtime, statusManager, nodeConfig::internalIp, clock),
        shared.podWorkers(), shared.timers(), SYNC_RETRY);
    this.syncHandler = new SyncHandler(podWorkers, statusManager, () -> nodeStatus.node().orElseThrow(), clock);
    runtime.watch(event -> podWorkers.syncAgain(event.podUid()));
  }

  public String nodeName() {
    return nodeConfig.nodeName();
  }

  /** True once the Node is registered and the pod loop runs. */
  public boolean registered() {
    return registered;
  }

  /** Starts in the background: registration is retried until the apiserver accepts it. */
  public Agent start() {
    shared.heartbeats().execute(this::registerOrRetry);
    return this;
  }

  /**
   * Runs {@code loop} every {@code period} on the heartbeat pool; a tick is skipped while the
   * previous run still waits on the apiserver, so a slow apiserver never piles up requests.
   */
  private ScheduledFuture<?> every(Duration period, Runnable loop) {
    java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();
    long millis = period.toMillis();
    return shared.timers().scheduleWithFixedDelay(() -> {
      if (running.compareAndSet(false, true)) {
        shared.heartbeats().execute(() -> {
          try {
            loop.run();
          } finally {
            running.set(false);
          }
        });
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void registerOrRetry() {
    if (closed) {
      return;
    }
    try {
      nodeStatus.register();
    } catch (RuntimeException e) {
      LOG.warn("node {}: cannot register yet ({}); retrying in {}", nodeName(), e.getMessage(), REGISTER_RETRY);
      shared.timers().schedule(() -> shared.heartbeats().execute(this::registerOrRetry), REGISTER_RETRY.toMillis(),
          TimeUnit.MILLISECONDS);
      return;
    }
    synchronized (loops) {
      if (closed) {
        return;
      }
      lease.renew();
      loops.add(every(options.leaseRenewInterval(), lease::renew));
      loops.add(every(options.nodeStatusUpdateFrequency(), this::updateNodeStatus));
      // started, not awaited: the first list arrives on the client's threads
      podInformer = client.pods().inAnyNamespace().withField("spec.nodeName", nodeName())
          .runnableInformer(options.syncFrequency().toMillis());
      podInformer.addEventHandler(syncHandler);
      podInformer.start();
    }
    registered = true;
    LOG.info("node {}: ready ({} runtime, pod CIDR {})", nodeName(), runtime.type(),
        podCidr().orElse(nodeConfig.fallbackPodCidr() + " (no spec.podCIDR)"));
  }

  private void updateNodeStatus() {
    try {
      nodeStatus.updateNodeStatus();
    } catch (RuntimeException e) {
      LOG.warn("node {}: status update failed: {}", nodeName(), e.getMessage());
    }
  }

  private Optional<String> podCidr() {
    return nodeStatus.node().map(Node::getSpec).map(s -> s.getPodCIDR()).filter(c -> !c.isEmpty());
  }

  /** The simulated runtime of this node (tests look into it). */
  public SimulatedRuntime runtime() {
    return runtime;
  }

  @Override
  public void close() {
    closed = true;
    synchronized (loops) {
      loops.forEach(f -> f.cancel(false));
      loops.clear();
      if (podInformer != null) {
        podInformer.close();
      }
    }
    client.close();
  }
}
