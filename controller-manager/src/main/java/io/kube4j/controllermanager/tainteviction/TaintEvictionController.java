package io.kube4j.controllermanager.tainteviction;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.controller.Keys;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evicts pods from NoExecute-tainted nodes ({@code tainteviction.Controller}). Keys are pods; a pod
 * that tolerates the taints for a while is looked at again when its time is up (the workqueue's
 * {@code addAfter}), and then evicted only if the taints are still there.
 */
public final class TaintEvictionController implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TaintEvictionController.class);

  public static final String NAME = "taint-eviction-controller";
  /** Runs with the node controller's identity, whose role may delete pods and update their status. */
  public static final String SERVICE_ACCOUNT = "node-controller";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("tainteviction"),
      false, TaintEvictionController::start);

  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<Node> nodes;
  private final KubernetesClient client;
  private final Clock clock;
  private final ReconcileLoop loop;

  private TaintEvictionController(ControllerContext context, Clock clock) {
    this.pods = context.informers().forType(Pod.class);
    this.nodes = context.informers().forType(Node.class);
    this.client = context.clientFor(SERVICE_ACCOUNT);
    this.clock = clock;
    this.loop = context.loop(NAME, this::reconcile);
  }

  static AutoCloseable start(ControllerContext context) {
    TaintEvictionController c = new TaintEvictionController(context, Clock.systemUTC());
    c.pods.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        c.loop.enqueue(Keys.of(pod));
      }

      @Override
      public void onUpdate(Pod old, Pod pod) {
        c.loop.enqueue(Keys.of(pod));
      }

      @Override
      public void onDelete(Pod pod, boolean unknown) {
      }
    });
    c.nodes.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Node node) {
        c.enqueuePodsOn(node);
      }

      @Override
      public void onUpdate(Node old, Node node) {
        if (!Objects.equals(noExecute(old), noExecute(node))) {
          c.enqueuePodsOn(node);
        }
      }

      @Override
      public void onDelete(Node node, boolean unknown) {
      }
    });
    c.loop.start(2);
    return c;
  }

  private void enqueuePodsOn(Node node) {
    String name = node.getMetadata().getName();
    for (Pod pod : pods.getIndexer().list()) {
      if (pod.getSpec() != null && name.equals(pod.getSpec().getNodeName())) {
        loop.enqueue(Keys.of(pod));
      }
    }
  }

  void reconcile(String key) {
    Pod pod = pods.getIndexer().getByKey(key);
    if (pod == null || pod.getMetadata().getDeletionTimestamp() != null || pod.getSpec() == null
        || pod.getSpec().getNodeName() == null || pod.getSpec().getNodeName().isEmpty()) {
      return;
    }
    Node node = nodes.getIndexer().getByKey(pod.getSpec().getNodeName());
    List<Taint> taints = node == null ? List.of() : noExecute(node);
    if (taints.isEmpty()) {
      return;
    }
    var tolerations = pod.getSpec().getTolerations() == null ? List.<io.fabric8.kubernetes.api.model.Toleration>of()
        : pod.getSpec().getTolerations();
    Tolerations.Verdict verdict = Tolerations.judge(tolerations, taints);
    if (verdict instanceof Tolerations.Verdict.Intolerant i) {
      evict(pod, "does not tolerate " + i.taint());
    } else if (verdict instanceof Tolerations.Verdict.For f) {
      Instant deadline = taintedSince(taints).plus(f.time());
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        evict(pod, "tolerated the taints for " + f.time().toSeconds() + "s");
      } else {
        loop.queue().addAfter(key, left);
      }
    }
  }

  /** When the pod's toleration time started: the earliest {@code timeAdded} of the taints. */
  private Instant taintedSince(List<Taint> taints) {
    Instant since = clock.instant();
    for (Taint t : taints) {
      if (t.getTimeAdded() != null && !t.getTimeAdded().isEmpty()) {
        Instant added = Instant.parse(t.getTimeAdded());
        since = added.isBefore(since) ? added : since;
      }
    }
    return since;
  }

  /** Marks the pod with the DisruptionTarget condition, as upstream does, then deletes it. */
  private void evict(Pod cached, String why) {
    String ns = cached.getMetadata().getNamespace();
    String name = cached.getMetadata().getName();
    LOG.info("evicting pod {}/{} from node {}: it {}", ns, name, cached.getSpec().getNodeName(), why);
    try {
      Pod pod = client.pods().inNamespace(ns).withName(name).get();
      if (pod == null) {
        return;
      }
      List<PodCondition> conditions = pod.getStatus() == null || pod.getStatus().getConditions() == null
          ? new ArrayList<>() : new ArrayList<>(pod.getStatus().getConditions());
      if (conditions.stream().noneMatch(c -> "DisruptionTarget".equals(c.getType()))) {
        conditions.add(new PodConditionBuilder().withType("DisruptionTarget").withStatus("True")
            .withReason("DeletionByTaintManager").withMessage("Taint manager: deleting due to NoExecute taint")
            .withLastTransitionTime(clock.instant().toString()).build());
        if (pod.getStatus() != null) {
          pod.getStatus().setConditions(conditions);
          client.pods().resource(pod).subresource("status").update();
        }
      }
      client.pods().inNamespace(ns).withName(name).delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }

  static List<Taint> noExecute(Node node) {
    if (node.getSpec() == null || node.getSpec().getTaints() == null) {
      return List.of();
    }
    return node.getSpec().getTaints().stream().filter(t -> "NoExecute".equals(t.getEffect())).toList();
  }

  @Override
  public void close() {
    loop.close();
  }
}
