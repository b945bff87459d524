package io.kube4j.controllermanager.podgc;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kube4j.controllermanager.ControllerManagerOptions;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code PodGCController}: a periodic pass over the pod cache ({@code gc}). */
public final class PodGcController implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PodGcController.class);

  public static final String NAME = "pod-garbage-collector-controller";
  public static final String SERVICE_ACCOUNT = "pod-garbage-collector";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("podgc"), false,
      PodGcController::start);

  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<Node> nodes;
  private final KubernetesClient client;
  private final ControllerManagerOptions.PodGc options;
  private final Clock clock;
  /** Nodes found missing, and since when: deleted only after the quarantine. */
  private final Map<String, Instant> missingNodes = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, NAME);
    t.setDaemon(true);
    return t;
  });

  private PodGcController(ControllerContext context, Clock clock) {
    this.pods = context.informers().forType(Pod.class);
    this.nodes = context.informers().forType(Node.class);
    this.client = context.clientFor(SERVICE_ACCOUNT);
    this.options = context.options().podGc();
    this.clock = clock;
  }

  static AutoCloseable start(ControllerContext context) {
    PodGcController c = new PodGcController(context, Clock.systemUTC());
    long period = c.options.checkPeriod().toMillis();
    c.timer.scheduleWithFixedDelay(() -> {
      try {
        c.gc();
      } catch (RuntimeException e) {
        LOG.warn("{}: {}", NAME, e.toString());
      }
    }, period, period, TimeUnit.MILLISECONDS);
    return c;
  }

  void gc() {
    List<Pod> all = pods.getIndexer().list();
    gcTerminated(all);
    gcOrphaned(all);
    gcUnscheduledTerminating(all);
  }

  /** The oldest finished pods beyond the threshold ({@code gcTerminated}). */
  private void gcTerminated(List<Pod> all) {
    List<Pod> finished = new ArrayList<>(all.stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null
        && p.getStatus() != null && ("Succeeded".equals(p.getStatus().getPhase())
            || "Failed".equals(p.getStatus().getPhase()))).toList());
    int excess = finished.size() - options.terminatedPodThreshold();
    if (excess <= 0) {
      return;
    }
    finished.sort(Comparator.comparing((Pod p) -> p.getMetadata().getCreationTimestamp())
        .thenComparing(p -> p.getMetadata().getName()));
    LOG.info("garbage collecting {} terminated pods", excess);
    finished.subList(0, excess).forEach(p -> forceDelete(p, false));
  }

  /**
   * Pods bound to a node the cache does not know ({@code gcOrphaned}): once the node has been missing
   * for the quarantine, and a live read confirms it, they are failed and deleted.
   */
  private void gcOrphaned(List<Pod> all) {
    Instant now = clock.instant();
    for (Pod pod : all) {
      String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
      if (node == null || node.isEmpty() || nodes.getIndexer().getByKey(node) != null) {
        continue;
      }
      Instant since = missingNodes.computeIfAbsent(node, n -> now);
      if (now.isBefore(since.plus(options.quarantine())) || client.nodes().withName(node).get() != null) {
        continue;
      }
      LOG.info("deleting pod {}/{}: its node {} does not exist", pod.getMetadata().getNamespace(),
          pod.getMetadata().getName(), node);
      forceDelete(pod, true);
    }
    missingNodes.keySet().removeIf(n -> nodes.getIndexer().getByKey(n) != null);
  }

  /** Terminating pods that were never scheduled: no kubelet will confirm their end. */
  private void gcUnscheduledTerminating(List<Pod> all) {
    for (Pod pod : all) {
      boolean unscheduled = pod.getSpec() == null || pod.getSpec().getNodeName() == null
          || pod.getSpec().getNodeName().isEmpty();
      if (unscheduled && pod.getMetadata().getDeletionTimestamp() != null) {
        forceDelete(pod, false);
      }
    }
  }

  /**
   * Deletes at once (grace 0); an orphaned pod is first marked Failed with the DisruptionTarget
   * condition ({@code DeletionByPodGC}) as upstream does, so whoever watches it learns why.
   */
  private void forceDelete(Pod pod, boolean markFailed) {
    String ns = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    try {
      if (markFailed && (pod.getStatus() == null || !"Succeeded".equals(pod.getStatus().getPhase()))) {
        // a strategic merge patch of status: the one write the role allows without reading the pod
        var condition = new PodConditionBuilder().withType("DisruptionTarget").withStatus("True")
            .withReason("DeletionByPodGC").withMessage("PodGC: node no longer exists")
            .withLastTransitionTime(clock.instant().toString()).build();
        String patch = Serialization.asJson(Map.of("status", Map.of("phase", "Failed",
            "conditions", List.of(condition))));
        // on the cached pod: Fabric8 would otherwise read it first, which the role does not allow
        client.pods().resource(pod).subresource("status").patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch);
      }
      client.pods().inNamespace(ns).withName(name).withGracePeriod(0).delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
