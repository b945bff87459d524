package io.kube4j.controllermanager.nodelifecycle;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The node lifecycle controller's writes, each a read-modify-update retried on conflict (the node
 * controller's role allows update, not patch, of nodes, nodes/status and pods/status).
 */
final class NodeWriter {

  static final List<String> NODE_CONDITIONS = List.of("Ready", "MemoryPressure", "DiskPressure", "PIDPressure");
  private static final int ATTEMPTS = 5;

  private final KubernetesClient client;

  NodeWriter(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Sets the node's conditions Unknown ({@code tryUpdateNodeHealth}): {@code NodeStatusUnknown} when the
   * kubelet stopped posting, {@code NodeStatusNeverUpdated} when it never did.
   */
  void markUnknown(String name, Instant now) {
    retrying(name, node -> {
      List<NodeCondition> conditions = node.getStatus().getConditions() == null ? new ArrayList<>()
          : new ArrayList<>(node.getStatus().getConditions());
      boolean changed = false;
      if (conditions.stream().noneMatch(c -> "Ready".equals(c.getType()))) {
        conditions.add(new NodeConditionBuilder().withType("Ready").withStatus("Unknown")
            .withReason("NodeStatusNeverUpdated").withMessage("Kubelet never posted node status.")
            .withLastHeartbeatTime(now.toString()).withLastTransitionTime(now.toString()).build());
        changed = true;
      }
      for (NodeCondition c : conditions) {
        if (NODE_CONDITIONS.contains(c.getType()) && !"Unknown".equals(c.getStatus())) {
          c.setStatus("Unknown");
          c.setReason("NodeStatusUnknown");
          c.setMessage("Kubelet stopped posting node status.");
          c.setLastTransitionTime(now.toString());
          changed = true;
        }
      }
      if (!changed) {
        return Optional.empty();
      }
      node.getStatus().setConditions(conditions);
      return Optional.of(client.nodes().resource(node).subresource("status").update());
    });
  }

  /** Replaces the managed taints of {@code effect} by {@code wanted}; no write when nothing changes. */
  void setTaints(String name, String effect, Set<String> managed, Set<String> wanted, Instant now) {
    retrying(name, node -> {
      Optional<List<Taint>> taints = NodeTaints.replaced(node, effect, managed, wanted, now.toString());
      if (taints.isEmpty()) {
        return Optional.empty();
      }
      if (node.getSpec() == null) {
        node.setSpec(new io.fabric8.kubernetes.api.model.NodeSpec());
      }
      node.getSpec().setTaints(taints.get());
      return Optional.of(client.nodes().resource(node).update());
    });
  }

  /** Sets the pod's Ready condition False ({@code MarkPodsNotReady}): its node cannot vouch for it. */
  void markPodNotReady(Pod cached, Instant now) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Pod pod = client.pods().inNamespace(cached.getMetadata().getNamespace()).withName(cached.getMetadata().getName())
          .get();
      if (pod == null || pod.getStatus() == null || pod.getStatus().getConditions() == null) {
        return;
      }
      Optional<PodCondition> ready = pod.getStatus().getConditions().stream()
          .filter(c -> "Ready".equals(c.getType())).findFirst();
      if (ready.isEmpty() || "False".equals(ready.get().getStatus())) {
        return;
      }
      ready.get().setStatus("False");
      ready.get().setLastTransitionTime(now.toString());
      try {
        client.pods().resource(pod).subresource("status").update();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
    }
  }

  private void retrying(String name, Function<Node, Optional<Node>> change) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Node node = client.nodes().withName(name).get();
      if (node == null) {
        return;
      }
      try {
        change.apply(node);
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
    }
    throw new IllegalStateException("node " + name + " kept changing; gave up after " + ATTEMPTS + " attempts");
  }
}
