package io.kube4j.scheduler.cache;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.framework.NodeInfo;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Nodes and the pods on them, fed by the informers and by the scheduler's own decisions (upstream's
 * {@code cacheImpl}). A pod is <i>assumed</i> when the scheduler picks its node: it counts against
 * that node at once, before the binding is even sent, and is <i>confirmed</i> when the informer
 * shows it bound ({@link #addPod}), or <i>forgotten</i> if binding fails.
 *
 * <p>Every change bumps {@link #generation} and stamps the NodeInfo it touched, so
 * {@link #updateSnapshot} copies only the nodes that changed since the last cycle.
 * All methods hold the cache's monitor.
 */
public final class SchedulerCache {

  private final Map<String, NodeInfo> nodes = new HashMap<>();
  /** pod UID → the pod as counted and whether it is only assumed. */
  private final Map<String, PodState> podStates = new HashMap<>();
  private long generation;
  private boolean nodeSetChanged;

  private record PodState(Pod pod, boolean assumed) {}

  public synchronized void addNode(Node node) {
    NodeInfo info = nodes.computeIfAbsent(node.getMetadata().getName(), n -> new NodeInfo(null));
    info.setNode(node, ++generation);
    nodeSetChanged = true;
  }

  public synchronized void updateNode(Node node) {
    addNode(node);
  }

  /** Removes the node; its pods stay counted until they are deleted, as upstream. */
  public synchronized void removeNode(Node node) {
    NodeInfo info = nodes.get(node.getMetadata().getName());
    if (info == null) {
      return;
    }
    if (info.podCount() == 0) {
      nodes.remove(node.getMetadata().getName());
    } else {
      info.setNode(null, ++generation);
    }
    nodeSetChanged = true;
  }

  /**
   * Counts the pod on the node the scheduler chose (a copy with {@code spec.nodeName} set) before the
   * binding is sent.
   */
  public synchronized void assumePod(Pod pod) {
    String uid = pod.getMetadata().getUid();
    if (podStates.containsKey(uid)) {
      throw new IllegalStateException("pod " + key(pod) + "(" + uid + ") is in the cache, so can't be assumed");
    }
    add(pod);
    podStates.put(uid, new PodState(pod, true));
  }

  /** Binding failed: the assumed pod no longer counts. */
  public synchronized void forgetPod(Pod pod) {
    PodState s = podStates.get(pod.getMetadata().getUid());
    if (s != null && s.assumed()) {
      remove(s.pod());
      podStates.remove(pod.getMetadata().getUid());
    }
  }

  public synchronized boolean isAssumed(Pod pod) {
    PodState s = podStates.get(pod.getMetadata().getUid());
    return s != null && s.assumed();
  }

  /** A bound pod from the informer; confirms an assumption (moving the pod if it landed elsewhere). */
  public synchronized void addPod(Pod pod) {
    PodState s = podStates.get(pod.getMetadata().getUid());
    if (s != null) {
      remove(s.pod());
    }
    add(pod);
    podStates.put(pod.getMetadata().getUid(), new PodState(pod, false));
  }

  public synchronized void updatePod(Pod pod) {
    addPod(pod);
  }

  public synchronized void removePod(Pod pod) {
    PodState s = podStates.remove(pod.getMetadata().getUid());
    if (s != null) {
      remove(s.pod());
    }
  }

  public synchronized int nodeCount() {
    return (int) nodes.values().stream().filter(n -> n.node() != null).count();
  }

  /** Brings {@code snapshot} up to date: copies the NodeInfos changed since its generation. */
  public synchronized void updateSnapshot(Snapshot snapshot) {
    for (NodeInfo info : nodes.values()) {
      if (info.node() != null && info.generation() > snapshot.generation) {
        snapshot.nodeInfoMap.put(info.name(), info.copy());
      }
    }
    if (nodeSetChanged) {
      for (Iterator<String> it = snapshot.nodeInfoMap.keySet().iterator(); it.hasNext(); ) {
        NodeInfo info = nodes.get(it.next());
        if (info == null || info.node() == null) {
          it.remove();
        }
      }
      nodeSetChanged = false;
    }
    snapshot.rebuildList();
    snapshot.generation = generation;
  }

  private void add(Pod pod) {
    String nodeName = pod.getSpec().getNodeName();
    nodes.computeIfAbsent(nodeName, n -> new NodeInfo(null)).addPod(pod, ++generation);
  }

  private void remove(Pod pod) {
    NodeInfo info = nodes.get(pod.getSpec().getNodeName());
    if (info != null) {
      info.removePod(pod, ++generation);
      if (info.node() == null && info.podCount() == 0) {
        nodes.remove(pod.getSpec().getNodeName());
      }
    }
  }

  private static String key(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }
}
