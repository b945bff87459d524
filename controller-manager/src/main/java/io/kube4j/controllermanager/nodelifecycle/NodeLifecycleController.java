package io.kube4j.controllermanager.nodelifecycle;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllermanager.ControllerManagerOptions;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.controller.EnqueueingHandler;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches node heartbeats and taints nodes by their health ({@code node_lifecycle_controller.go}):
 * every {@code --node-monitor-period} it judges each node ({@link #monitorNodeHealth}); every 100 ms it
 * taints the nodes waiting for eviction, as many as each zone's rate allows ({@link #taintForEviction});
 * NoSchedule taints follow the conditions at once, through a reconcile loop on node changes.
 */
public final class NodeLifecycleController implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NodeLifecycleController.class);

  public static final String NAME = "node-lifecycle-controller";
  public static final String SERVICE_ACCOUNT = "node-controller";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("nodelifecycle"),
      false, NodeLifecycleController::start);
  static final String LEASE_NAMESPACE = "kube-node-lease";
  static final String ZONE_LABEL = "topology.kubernetes.io/zone";
  static final String REGION_LABEL = "topology.kubernetes.io/region";
  /** {@code scheduler.NodeEvictionPeriod}: how often the eviction queues are worked. */
  static final long EVICTION_PERIOD_MILLIS = 100;

  private final SharedIndexInformer<Node> nodes;
  private final SharedIndexInformer<Lease> leases;
  private final SharedIndexInformer<Pod> pods;
  private final NodeWriter writer;
  private final ControllerManagerOptions.NodeLifecycle options;
  private final Clock clock;
  private final NodeHealth health = new NodeHealth();
  private final ReconcileLoop noScheduleTaints;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, NAME + "-monitor");
    t.setDaemon(true);
    return t;
  });
  /** Per zone: its eviction limiter and the nodes waiting for their NoExecute taint, in order. */
  private final Map<String, TokenBucket> zoneLimiters = new HashMap<>();
  private final Map<String, LinkedHashSet<String>> zoneQueues = new HashMap<>();

  private NodeLifecycleController(ControllerContext context, Clock clock) {
    this.nodes = context.informers().forType(Node.class);
    this.leases = context.informers().forType(Lease.class);
    this.pods = context.informers().forType(Pod.class);
    this.writer = new NodeWriter(context.clientFor(SERVICE_ACCOUNT));
    this.options = context.options().nodeLifecycle();
    this.clock = clock;
    this.noScheduleTaints = context.loop(NAME, this::syncNoScheduleTaints);
  }

  static AutoCloseable start(ControllerContext context) {
    NodeLifecycleController c = new NodeLifecycleController(context, Clock.systemUTC());
    c.nodes.addEventHandler(EnqueueingHandler.own(c.noScheduleTaints));
    c.noScheduleTaints.start(1);
    long period = c.options.monitorPeriod().toMillis();
    c.timer.scheduleWithFixedDelay(c.guarded(c::monitorNodeHealth), period, period, TimeUnit.MILLISECONDS);
    c.timer.scheduleWithFixedDelay(c.guarded(c::taintForEviction), EVICTION_PERIOD_MILLIS, EVICTION_PERIOD_MILLIS,
        TimeUnit.MILLISECONDS);
    return c;
  }

  /** {@code doNoScheduleTaintingPass}: NoSchedule taints exactly as the node's conditions say. */
  private void syncNoScheduleTaints(String name) {
    Node node = nodes.getIndexer().getByKey(name);
    if (node != null) {
      writer.setTaints(name, NodeTaints.NO_SCHEDULE, NodeTaints.MANAGED_NO_SCHEDULE, NodeTaints.wantedNoSchedule(node),
          clock.instant());
    }
  }

  /**
   * {@code monitorNodeHealth}: a node silent for the grace period is marked Unknown and its pods not
   * ready; each node's wanted NoExecute taint is queued per zone (or removed at once when healthy),
   * and each zone's eviction rate set from how many of its nodes are not ready.
   */
  void monitorNodeHealth() {
    Instant now = clock.instant();
    Map<String, int[]> zones = new HashMap<>();  // zone -> {notReady, total}
    for (Node node : nodes.getIndexer().list()) {
      String name = node.getMetadata().getName();
      health.observe(node, leases.getIndexer().getByKey(LEASE_NAMESPACE + "/" + name), now);
      boolean everReady = NodeTaints.ready(node).isPresent();
      if (health.silentFor(name, everReady ? options.monitorGracePeriod() : options.startupGracePeriod(), now)
          && !"Unknown".equals(NodeTaints.ready(node).orElse(""))) {
        LOG.info("node {} stopped posting status; marking it Unknown", name);
        writer.markUnknown(name, now);
        markPodsNotReady(name, now);
      }
      Optional<String> ready = NodeTaints.ready(node);
      int[] counts = zones.computeIfAbsent(zone(node), z -> new int[2]);
      counts[1]++;
      if (ready.isPresent() && !ready.get().equals("True")) {
        counts[0]++;
      }
    }
    boolean allDown = !zones.isEmpty() && zones.values().stream().allMatch(c -> c[0] == c[1]);
    for (Map.Entry<String, int[]> z : zones.entrySet()) {
      ZoneState state = ZoneState.of(z.getValue()[0], z.getValue()[1], options.unhealthyZoneThreshold());
      double rate = state.evictionRate(z.getValue()[1], allDown, options.evictionRate(),
          options.secondaryEvictionRate(), options.largeClusterSizeThreshold());
      limiter(z.getKey()).setRate(rate, System.nanoTime());
    }
    for (Node node : nodes.getIndexer().list()) {
      queueOrClearNoExecute(node, allDown, now);
    }
  }

  /**
   * A node wanting a NoExecute taint waits in its zone's queue; one whose taint must change from
   * not-ready to unreachable (or back) is swapped at once; a healthy node, or every node when all
   * zones are down ("master disruption"), loses its NoExecute taints at once.
   */
  private void queueOrClearNoExecute(Node node, boolean allDown, Instant now) {
    String name = node.getMetadata().getName();
    Optional<String> wanted = allDown ? Optional.empty() : NodeTaints.wantedNoExecute(node);
    Set<String> managed = Set.of(NodeTaints.NOT_READY, NodeTaints.UNREACHABLE);
    synchronized (zoneQueues) {
      if (wanted.isEmpty()) {
        zoneQueues.values().forEach(q -> q.remove(name));
        if (managed.stream().anyMatch(k -> NodeTaints.has(node, k, NodeTaints.NO_EXECUTE))) {
          writer.setTaints(name, NodeTaints.NO_EXECUTE, managed, Set.of(), now);
        }
        return;
      }
      if (NodeTaints.has(node, wanted.get(), NodeTaints.NO_EXECUTE)) {
        return;
      }
      boolean swapping = managed.stream().anyMatch(k -> NodeTaints.has(node, k, NodeTaints.NO_EXECUTE));
      if (swapping) {
        writer.setTaints(name, NodeTaints.NO_EXECUTE, managed, Set.of(wanted.get()), now);
      } else {
        zoneQueues.computeIfAbsent(zone(node), z -> new LinkedHashSet<>()).add(name);
      }
    }
  }

  /** {@code doNoExecuteTaintingPass}: taints queued nodes while their zone's limiter has tokens. */
  void taintForEviction() {
    List<String[]> due = new ArrayList<>();
    synchronized (zoneQueues) {
      for (Map.Entry<String, LinkedHashSet<String>> q : zoneQueues.entrySet()) {
        var it = q.getValue().iterator();
        while (it.hasNext() && limiter(q.getKey()).tryTake(System.nanoTime())) {
          due.add(new String[] {q.getKey(), it.next()});
          it.remove();
        }
      }
    }
    for (String[] d : due) {
      Node node = nodes.getIndexer().getByKey(d[1]);
      Optional<String> wanted = node == null ? Optional.empty() : NodeTaints.wantedNoExecute(node);
      if (wanted.isPresent()) {
        LOG.info("tainting node {} {}:NoExecute (zone \"{}\")", d[1], wanted.get(), d[0]);
        writer.setTaints(d[1], NodeTaints.NO_EXECUTE, Set.of(NodeTaints.NOT_READY, NodeTaints.UNREACHABLE),
            Set.of(wanted.get()), clock.instant());
      }
    }
  }

  private void markPodsNotReady(String node, Instant now) {
    for (Pod pod : pods.getIndexer().list()) {
      if (pod.getSpec() != null && node.equals(pod.getSpec().getNodeName())) {
        writer.markPodNotReady(pod, now);
      }
    }
  }

  private TokenBucket limiter(String zone) {
    synchronized (zoneLimiters) {
      return zoneLimiters.computeIfAbsent(zone, z -> new TokenBucket(options.evictionRate(), System.nanoTime()));
    }
  }

  /**
   * {@code GetZoneKey}: region and zone labels (upstream joins them with {@code ":\x00:"}; label values
   * cannot hold a colon, so one is enough); nodes without them share the zone {@code ""}.
   */
  static String zone(Node node) {
    Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    String zone = labels.getOrDefault(ZONE_LABEL, "");
    String region = labels.getOrDefault(REGION_LABEL, "");
    return region.isEmpty() && zone.isEmpty() ? "" : region + ":" + zone;
  }

  private Runnable guarded(Runnable step) {
    return () -> {
      try {
        step.run();
      } catch (RuntimeException e) {
        LOG.warn("{}: {}", NAME, e.toString());
      }
    };
  }

  @Override
  public void close() {
    timer.shutdownNow();
    noScheduleTaints.close();
  }
}
