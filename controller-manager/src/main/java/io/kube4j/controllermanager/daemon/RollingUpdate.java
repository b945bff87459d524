package io.kube4j.controllermanager.daemon;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.kube4j.controllermanager.controller.PodStatuses;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rollingUpdate} ({@code update.go}): which old pods to delete, or which nodes get a new pod
 * beside their old one, so that the update stays within maxUnavailable or maxSurge. The manage loop
 * does the rest: it creates the pod a node lost, and prunes a node's surplus.
 */
final class RollingUpdate {

  /** What one round of the rolling update does. */
  record Plan(List<String> podsToDelete, List<String> nodesToCreate) {}

  private RollingUpdate() {}

  /**
   * Without surge: an old pod that is not available is replaced right away (it counts as unavailable
   * already); available old pods are deleted while fewer than maxUnavailable nodes are without an
   * available pod. With 5 nodes, maxUnavailable 1 and all pods old and available, one pod goes per
   * round, and the next only when its replacement is available.
   *
   * <p>With surge: a node whose old pod is unavailable gets a new pod at once, up to maxSurge nodes
   * with available old pods get a new pod beside it, and an old pod goes once the new one beside it
   * is available.
   */
  static Plan plan(DaemonSet ds, List<Node> nodes, Map<String, List<Pod>> nodeToDaemonPods, String hash, Instant now) {
    Map<String, List<Pod>> byNode = new HashMap<>(nodeToDaemonPods);
    Map<String, Node> nodesByName = new HashMap<>();
    int desired = 0;
    for (Node node : nodes) {
      nodesByName.put(node.getMetadata().getName(), node);
      if (NodeEligibility.nodeShouldRunDaemonPod(node, ds).shouldRun()) {
        desired++;
        byNode.putIfAbsent(node.getMetadata().getName(), List.of());
      }
    }
    int maxUnavailable = DaemonPods.unavailableCount(ds, desired);
    int maxSurge = DaemonPods.surgeCount(ds, desired);
    // an impossible configuration (both 0) falls back to accepting one unavailable node
    if (desired > 0 && maxUnavailable == 0 && maxSurge == 0) {
      maxUnavailable = 1;
    }
    int minReady = DaemonSetSync.minReadySeconds(ds);
    Optional<Long> generation = DaemonPods.templateGeneration(ds);
    return maxSurge == 0 ? withoutSurge(byNode, hash, generation, minReady, now, maxUnavailable)
        : withSurge(ds, byNode, nodesByName, hash, generation, minReady, now, maxSurge, desired);
  }

  private static Plan withoutSurge(Map<String, List<Pod>> byNode, String hash, Optional<Long> generation,
      int minReady, Instant now, int maxUnavailable) {
    int numUnavailable = 0;
    List<String> allowedReplacements = new ArrayList<>();
    List<String> candidates = new ArrayList<>();
    for (Map.Entry<String, List<Pod>> e : sortedByNode(byNode)) {
      Pods p = findUpdatedPodsOnNode(e.getValue(), hash, generation);
      if (p == null || (p.oldPod == null) == (p.newPod == null)) {
        numUnavailable++;  // excess pods, none, or both: the manage loop acts; counts as unavailable
      } else if (p.newPod != null) {
        if (!PodStatuses.isAvailable(p.newPod, minReady, now)) {
          numUnavailable++;
        }
      } else if (!PodStatuses.isAvailable(p.oldPod, minReady, now)) {
        allowedReplacements.add(p.oldPod.getMetadata().getName());
        numUnavailable++;
      } else if (numUnavailable < maxUnavailable) {
        candidates.add(p.oldPod.getMetadata().getName());
      }
    }
    int remaining = Math.max(0, Math.min(maxUnavailable - numUnavailable, candidates.size()));
    List<String> delete = new ArrayList<>(allowedReplacements);
    delete.addAll(candidates.subList(0, remaining));
    return new Plan(delete, List.of());
  }

  private static Plan withSurge(DaemonSet ds, Map<String, List<Pod>> byNode, Map<String, Node> nodes, String hash,
      Optional<Long> generation, int minReady, Instant now, int maxSurge, int desired) {
    List<String> oldPodsToDelete = new ArrayList<>();
    List<String> shouldNotRunPodsToDelete = new ArrayList<>();
    List<String> candidateNewNodes = new ArrayList<>();
    List<String> allowedNewNodes = new ArrayList<>();
    int numSurge = 0;
    int numAvailable = 0;
    for (Map.Entry<String, List<Pod>> e : sortedByNode(byNode)) {
      String nodeName = e.getKey();
      Pods p = findUpdatedPodsOnNode(e.getValue(), hash, generation);
      if (p == null) {
        numSurge++;
        continue;
      }
      Pod counted = p.oldPod != null ? p.oldPod : p.newPod;
      if (counted != null && PodStatuses.isAvailable(counted, minReady, now)) {
        numAvailable++;
      }
      if (p.oldPod == null) {
        continue;
      }
      Node node = nodes.get(nodeName);
      boolean shouldRun = node != null && NodeEligibility.nodeShouldRunDaemonPod(node, ds).shouldRun();
      if (p.newPod == null) {
        if (!PodStatuses.isAvailable(p.oldPod, minReady, now)) {
          if (!shouldRun) {
            oldPodsToDelete.add(p.oldPod.getMetadata().getName());
          } else {
            allowedNewNodes.add(nodeName);
          }
        } else if (!shouldRun) {
          shouldNotRunPodsToDelete.add(p.oldPod.getMetadata().getName());
        } else if (numSurge < maxSurge) {
          candidateNewNodes.add(nodeName);
        }
      } else if (!PodStatuses.isAvailable(p.newPod, minReady, now)) {
        numSurge++;
      } else {
        oldPodsToDelete.add(p.oldPod.getMetadata().getName());
      }
    }
    // with surge the owner expects full availability: a pod on a node it no longer fits goes only
    // once the pods elsewhere make up for it
    int deletable = Math.min(numAvailable - desired, shouldNotRunPodsToDelete.size());
    if (deletable > 0) {
      oldPodsToDelete.addAll(shouldNotRunPodsToDelete.subList(0, deletable));
    }
    int remainingSurge = Math.max(0, Math.min(maxSurge - numSurge, candidateNewNodes.size()));
    List<String> create = new ArrayList<>(allowedNewNodes);
    create.addAll(candidateNewNodes.subList(0, remainingSurge));
    return new Plan(oldPodsToDelete, create);
  }

  /** At most one new and one old non-deleted pod on a node; null when there are more. */
  record Pods(Pod newPod, Pod oldPod) {}

  /** {@code findUpdatedPodsOnNode}. */
  static Pods findUpdatedPodsOnNode(List<Pod> podsOnNode, String hash, Optional<Long> generation) {
    Pod newPod = null;
    Pod oldPod = null;
    for (Pod pod : podsOnNode) {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      if (DaemonPods.isPodUpdated(pod, hash, generation)) {
        if (newPod != null) {
          return null;
        }
        newPod = pod;
      } else {
        if (oldPod != null) {
          return null;
        }
        oldPod = pod;
      }
    }
    return new Pods(newPod, oldPod);
  }

  /** Upstream ranges over a Go map (random order); node-name order makes the choice reproducible. */
  private static List<Map.Entry<String, List<Pod>>> sortedByNode(Map<String, List<Pod>> byNode) {
    return byNode.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
  }
}
